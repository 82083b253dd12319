package com.yihuiliao.command.patient;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.patient.ActsForPatient;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The one check that a patient's command acts for the caller's own patient. A handler interceptor, not a
 * dispatch one: the command bus opens the command's transaction before any handler interceptor runs, so a patient being removed at this moment waits for the command, or is gone (see {@link Patients#belongsTo}).
 * Another account's patient answers exactly like an unknown one, so ids do not leak.
 */
public class ActsForPatientCheck implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final Patients patients;

    public ActsForPatientCheck(Patients patients) {
        this.patients = patients;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof ActsForPatient command
                && !patients.belongsTo(command.patientId(), command.accountId())) {
            throw new BusinessRuleViolation(ErrorCode.PATIENT_NOT_FOUND);
        }
        return chain.proceed();
    }
}
