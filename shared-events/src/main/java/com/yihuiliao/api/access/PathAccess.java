package com.yihuiliao.api.access;

import java.util.List;

/**
 * A feature's rows of the access table, as a bean of that feature: who may call its endpoints. The app
 * merges the rows of every feature loaded on the node (a node serves only its sides' endpoints, and
 * carries only their rows); an endpoint no row covers is for any logged-in caller.
 */
public interface PathAccess {

    List<AccessRule> rules();
}
