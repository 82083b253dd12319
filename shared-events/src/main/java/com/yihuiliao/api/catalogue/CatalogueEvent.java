package com.yihuiliao.api.catalogue;

import com.yihuiliao.api.Event;

/** The catalogue feature's events, all of them. */
public sealed interface CatalogueEvent extends Event permits
        DepartmentSaved,
        DoctorSaved {
}
