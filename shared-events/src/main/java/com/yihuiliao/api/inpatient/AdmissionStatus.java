package com.yihuiliao.api.inpatient;

/** An admission's lifecycle: in hospital, discharge ordered (fees still come), settled and gone. */
public enum AdmissionStatus {
    ADMITTED, DISCHARGING, DISCHARGED
}
