package com.yihuiliao.api.access;

import java.util.List;

/** The roles the access table grants: patients' tokens carry PATIENT, staff tokens their staff roles. */
public final class Roles {

    public static final String PATIENT = "PATIENT";
    public static final String SUPER_ADMIN = "SUPER_ADMIN";
    public static final String SCHEDULER = "SCHEDULER";
    public static final String FINANCE = "FINANCE";
    public static final String AUDITOR = "AUDITOR";
    public static final String DOCTOR = "DOCTOR";
    public static final List<String> ANY_STAFF = List.of(SUPER_ADMIN, SCHEDULER, FINANCE, AUDITOR, DOCTOR);

    private Roles() {
    }
}
