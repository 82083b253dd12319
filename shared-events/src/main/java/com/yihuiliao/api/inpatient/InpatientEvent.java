package com.yihuiliao.api.inpatient;

import com.yihuiliao.api.Event;

/** The inpatient feature's events, all of them. */
public sealed interface InpatientEvent extends Event permits
        PatientAdmitted,
        AdmissionFeePosted,
        LowDepositWarned,
        DischargeStarted,
        AdmissionSettled {
}
