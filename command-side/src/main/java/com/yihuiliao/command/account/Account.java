package com.yihuiliao.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ProblemMessage;
import com.yihuiliao.api.account.AccountCredited;
import com.yihuiliao.api.account.AccountDebited;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.account.CreditAccount;
import com.yihuiliao.api.account.MovementCause;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A patient's account of one kind (outpatient balance, inpatient deposit), id
 * {@code patientId:kind}. The balance never goes below zero; every movement names its cause, and
 * a cause moves money once (a repeat is a no-op). Opened by its first credit.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Account {

    @AggregateIdentifier
    private String accountId;
    private String patientId;
    private AccountKind kind;
    private long balanceFen;
    /** "C:" / "D:" + cause key → amount of every movement applied. */
    private Map<String, Long> applied = new HashMap<>();

    protected Account() {
        // for Axon
    }

    /** Answers the balance after the credit. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CreditAccount cmd) {
        requireValid(cmd.amountFen(), cmd.cause());
        if (cmd.patientId() == null || cmd.kind() == null
                || !cmd.kind().accountOf(cmd.patientId()).equals(cmd.accountId())) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "The account id is patientId:kind.");
        }
        if (alreadyApplied("C:", cmd.amountFen(), cmd.cause())) {
            return balanceFen;
        }
        apply(new AccountCredited(cmd.accountId(), cmd.patientId(), cmd.kind(), cmd.amountFen(),
                balanceFen + cmd.amountFen(), cmd.cause(), cmd.operator()));
        return balanceFen;
    }

    /** Answers the balance after the debit. A debit of an account never credited finds no money. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DebitAccount cmd) {
        requireValid(cmd.amountFen(), cmd.cause());
        if (accountId == null) {
            throw new BusinessRuleViolation(ErrorCode.INSUFFICIENT_BALANCE,
                    ProblemMessage.of("balance.insufficient", "neededFen", cmd.amountFen(), "availableFen", 0L));
        }
        if (alreadyApplied("D:", cmd.amountFen(), cmd.cause())) {
            return balanceFen;
        }
        if (balanceFen < cmd.amountFen()) {
            throw new BusinessRuleViolation(ErrorCode.INSUFFICIENT_BALANCE,
                    ProblemMessage.of("balance.insufficient", "neededFen", cmd.amountFen(), "availableFen", balanceFen));
        }
        apply(new AccountDebited(accountId, patientId, kind, cmd.amountFen(), balanceFen - cmd.amountFen(),
                cmd.cause()));
        return balanceFen;
    }

    @CommandHandler
    public long handle(QuoteBalance cmd) {
        return balanceFen;
    }

    private static void requireValid(long amountFen, MovementCause cause) {
        if (amountFen <= 0) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_AMOUNT);
        }
        if (cause == null || cause.type() == null || cause.type().isBlank()
                || cause.referenceId() == null || cause.referenceId().isBlank()) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "Every movement names its cause.");
        }
    }

    /** True for a repeat of a movement already applied; the same cause with another amount is refused. */
    private boolean alreadyApplied(String direction, long amountFen, MovementCause cause) {
        Long earlier = applied.get(direction + cause.key());
        if (earlier == null) {
            return false;
        }
        if (earlier != amountFen) {
            throw new BusinessRuleViolation(ErrorCode.IDEMPOTENCY_CONFLICT,
                    "The movement " + cause.key() + " was already applied with " + earlier + " fen.");
        }
        return true;
    }

    @EventSourcingHandler
    void on(AccountCredited event) {
        accountId = event.accountId();
        patientId = event.patientId();
        kind = event.kind();
        balanceFen = event.balanceAfterFen();
        applied.put("C:" + event.cause().key(), event.amountFen());
    }

    @EventSourcingHandler
    void on(AccountDebited event) {
        balanceFen = event.balanceAfterFen();
        applied.put("D:" + event.cause().key(), event.amountFen());
    }

    /** For the aggregate's tests; the flows ask with {@link QuoteBalance}. */
    long balanceFen() {
        return balanceFen;
    }
}
