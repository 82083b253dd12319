package com.yihuiliao.command.account;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.account.CreditAccount;
import com.yihuiliao.api.account.MovementCause;
import com.yihuiliao.command.patient.Patients;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Accounts", description = "Patients' balances: counter top-ups (finance)")
class AccountAdminController {

    private static final Logger log = LoggerFactory.getLogger(AccountAdminController.class);

    private final CommandGateway commands;
    private final Patients patients;

    AccountAdminController(CommandGateway commands, Patients patients) {
        this.commands = commands;
        this.patients = patients;
    }

    /**
     * Cash taken at the counter for a patient's account, with its receipt number (which credits once).
     *
     * @param amountFen cash or POS amount received, in fen (at most 1,000,000 yuan)
     * @param receiptNo the cashier's receipt number: the same receipt credits once
     */
    record CounterTopUpRequest(@NotNull @Positive @Max(100_000_000) Long amountFen,
                               @NotBlank @ResourceId String receiptNo) {
    }

    /** A counter top-up as credited: the receipt, the amount and the balance after it. */
    record CounterTopUpResult(String patientId, AccountKind kind, String receiptNo, long amountFen, long balanceFen) {
    }

    @PostMapping("/api/admin/accounts/{patientId}/{kind}/counter-top-ups")
    @Operation(summary = "Credit a patient's balance with money taken at the cashier (idempotent by receiptNo)")
    CounterTopUpResult counterTopUp(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                    @PathVariable @ResourceId String patientId,
                                    @PathVariable AccountKind kind,
                                    @Valid @RequestBody CounterTopUpRequest request) {
        if (!patients.isLive(patientId)) {
            throw new BusinessRuleViolation(ErrorCode.PATIENT_NOT_FOUND);
        }
        // the cashier is recorded with the credit: the top-up records show who took the money
        long balance = commands.sendAndWait(CreditAccount.byStaff(patientId, kind, request.amountFen(),
                MovementCause.counterTopUp(request.receiptNo()), jwt.getSubject()));
        log.info("Staff {} topped up {} {} with {} fen (receipt {})", jwt.getSubject(), patientId, kind,
                request.amountFen(), request.receiptNo());
        return new CounterTopUpResult(patientId, kind, request.receiptNo(), request.amountFen(), balance);
    }
}
