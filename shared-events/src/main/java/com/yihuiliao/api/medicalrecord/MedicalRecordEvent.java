package com.yihuiliao.api.medicalrecord;

import com.yihuiliao.api.Event;

/** The medical record feature's events, all of them. */
public sealed interface MedicalRecordEvent extends Event permits
        MedicalRecordAmended,
        MedicalRecordWritten {
}
