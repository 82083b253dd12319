package com.yihuiliao.query;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.patient.IsPatientOfAccount;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/** Whether a patient (就诊人) is one of the calling account's, from the patient-view read model. */
@Component
public class PatientOwnership {

    private final QueryGateway queries;

    PatientOwnership(QueryGateway queries) {
        this.queries = queries;
    }

    public boolean isMine(Jwt caller, String patientId) {
        return Boolean.TRUE.equals(queries.query(new IsPatientOfAccount(patientId, caller.getSubject()),
                ResponseTypes.instanceOf(Boolean.class)).join());
    }

    /** Another account's patient answers exactly like an unknown one, so ids do not leak. */
    public void requireMine(Jwt caller, String patientId) {
        if (!isMine(caller, patientId)) {
            throw new BusinessRuleViolation(ErrorCode.PATIENT_NOT_FOUND);
        }
    }
}
