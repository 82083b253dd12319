import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.yihuiliao.api.account.AccountCredited;
import com.yihuiliao.api.account.AccountDebited;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.account.MovementCause;
import com.yihuiliao.api.appointment.AppointmentBooked;
import com.yihuiliao.api.appointment.AppointmentCancelled;
import com.yihuiliao.api.appointment.AppointmentConfirmed;
import com.yihuiliao.api.appointment.CancelledBy;
import com.yihuiliao.api.audit.Actor;
import com.yihuiliao.api.bill.BillIssued;
import com.yihuiliao.api.bill.BillItem;
import com.yihuiliao.api.bill.BillItemCategory;
import com.yihuiliao.api.bill.BillItemRefunded;
import com.yihuiliao.api.bill.BillPaid;
import com.yihuiliao.api.invoice.InvoiceIssued;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentSucceeded;
import com.yihuiliao.api.payment.RefundReserved;
import com.yihuiliao.api.payment.RefundSettled;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundRequested;
import com.yihuiliao.api.refund.RefundSucceeded;
import com.yihuiliao.api.schedule.Period;
import com.yihuiliao.api.topup.TopUpCreated;
import com.yihuiliao.api.topup.TopUpCredited;
import com.yihuiliao.api.topup.TopUpPaid;
import com.yihuiliao.api.topup.TopUpPartlyRefunded;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Replay benchmark's generator (not a test, not in the app): appends a realistic billing history straight into the
 * event store of the bench database. Run by bench/replay.sh against the app jar's own classes, so the events are the
 * app's records, serialized by Axon's JacksonSerializer with the app's event mapper (AxonConfiguration's
 * defaultAxonObjectMapper) and stored as Axon's JPA engine stores them (domain_event_entry; time_stamp as ISO
 * text; aggregate type = the aggregate's simple class name). Aggregate sequences are kept per aggregate and balances
 * per account, so a replay sees a history the command side could have written.
 *
 *   java -cp 'classes:lib/*' bench/ReplayGenerator.java JDBC_URL USER PASSWORD EVENTS
 *
 * Prints one line: "generated N events in S s (R events/s); month YYYY-MM; department D".
 */
public class ReplayGenerator {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 1); // ~a month of business dates
    static final int DAYS = 30;
    static final int ROWS_PER_INSERT = 500;
    static final int ROWS_PER_COMMIT = 5000;

    final Random random = new Random(11);
    final JacksonSerializer serializer;
    final long total;
    final Instant start = FIRST_DAY.atTime(8, 0).atZone(SHANGHAI).toInstant();
    final long stepMicros;
    final List<Object[]> pending = new ArrayList<>();
    final Map<String, Long> sequences = new HashMap<>();
    final Map<String, Long> balances = new HashMap<>();
    final List<TopUpState> topUps = new ArrayList<>();
    final String[] departments = {"dept-internal", "dept-surgery", "dept-paediatrics", "dept-gynaecology",
            "dept-ent", "dept-dermatology", "dept-ophthalmology", "dept-stomatology"};
    final int patients;
    long written;
    long counter;
    Connection connection;
    PreparedStatement fullInsert;

    record TopUpState(String topUpId, String outTradeNo, String patientId, long[] refundable, long[] refunded) {
    }

    ReplayGenerator(long total) {
        ObjectMapper mapper = JsonMapper.builder() // as AxonConfiguration.defaultAxonObjectMapper
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.serializer = JacksonSerializer.builder().objectMapper(mapper).build();
        this.total = total;
        // events are spread evenly over the month, so time order is global-index order
        this.stepMicros = Math.max(1, Duration.ofDays(DAYS).toNanos() / 1000 / Math.max(1, total));
        this.patients = (int) Math.max(200, total / 50);
    }

    public static void main(String[] args) throws Exception {
        long events = Long.parseLong(args[3]);
        ReplayGenerator generator = new ReplayGenerator(events);
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            c.setAutoCommit(false);
            generator.connection = c;
            generator.run();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("generated %d events in %.1f s (%.0f events/s); month %s; department %s%n",
                generator.written, seconds, generator.written / seconds, FIRST_DAY.toString().substring(0, 7),
                generator.departments[0]);
    }

    void run() throws Exception {
        while (written + pending.size() < total) {
            int dice = random.nextInt(100);
            String patient = "pat-" + random.nextInt(patients);
            if (dice < 15) {
                topUp(patient);
            } else if (dice < 18 && !topUps.isEmpty()) {
                withdrawal(topUps.get(random.nextInt(topUps.size())));
            } else if (dice < 63) {
                registration(patient);
            } else {
                bill(patient);
            }
        }
        flush(true);
    }

    // --- the flows -------------------------------------------------------------------------------------------

    void registration(String patient) {
        String appointment = id("apt");
        String outTradeNo = "RG" + number();
        String department = department();
        String doctor = doctor(department);
        long fee = 500 + 500L * random.nextInt(10);
        Actor actor = Actor.patient("acct-" + patient);
        Instant at = now();
        LocalDate visit = LocalDate.ofInstant(at, SHANGHAI).plusDays(random.nextInt(7));
        append("Appointment", appointment, new AppointmentBooked(appointment, patient, "sch-" + doctor + "-" + visit,
                doctor, department, visit, Period.values()[random.nextInt(2)], fee, at.plus(Duration.ofDays(1)),
                at.plus(Duration.ofMinutes(15))), actor);
        PaymentChannel channel = pay(patient, outTradeNo, PaymentPurpose.REGISTRATION, appointment, fee, actor);
        append("Appointment", appointment, new AppointmentConfirmed(appointment, outTradeNo), actor);
        invoice(outTradeNo, patient, fee, PaymentPurpose.REGISTRATION, channel);
        if (random.nextInt(10) == 0) { // cancelled in time: the fee back in full
            append("Appointment", appointment, new AppointmentCancelled(appointment, "sch-" + doctor + "-" + visit,
                    patient, CancelledBy.PATIENT, null, true), actor);
            refund(patient, outTradeNo, fee, 0, RefundReason.APPOINTMENT_CANCELLED, channel, Actor.system("cancellation"));
        }
    }

    void bill(String patient) {
        String billId = id("bill");
        String department = department();
        String doctor = doctor(department);
        int lines = 1 + random.nextInt(4);
        List<BillItem> items = new ArrayList<>();
        long totalFen = 0;
        for (int line = 1; line <= lines; line++) {
            BillItemCategory category = BillItemCategory.values()[1 + random.nextInt(4)];
            BillItem item = BillItem.of(line, category.name().substring(0, 3) + "-" + random.nextInt(200),
                    category.name().toLowerCase() + " item " + line, category, 1 + random.nextInt(3),
                    100 + 100L * random.nextInt(300));
            items.add(item);
            totalFen += item.amountFen();
        }
        Actor doctorActor = Actor.staff("staff-" + doctor, "DOCTOR");
        append("Bill", billId, new BillIssued(billId, "HIS" + number(), patient, items, totalFen, department, doctor,
                "staff-" + doctor), doctorActor);
        String outTradeNo = "BL" + number();
        Actor actor = Actor.patient("acct-" + patient);
        PaymentChannel channel = pay(patient, outTradeNo, PaymentPurpose.BILL, billId, totalFen, actor);
        append("Bill", billId, new BillPaid(billId, patient, outTradeNo, channel, totalFen), actor);
        invoice(outTradeNo, patient, totalFen, PaymentPurpose.BILL, channel);
        if (random.nextInt(7) == 0) { // one line refunded (not dispensed)
            BillItem item = items.get(random.nextInt(lines));
            String outRefundNo = "RF" + number();
            Actor finance = Actor.staff("staff-finance-1", "FINANCE");
            append("Bill", billId, new BillItemRefunded(billId, item.line(), item.amountFen(), item.quantity(),
                    outRefundNo, outTradeNo, "not dispensed", "staff-finance-1", item.amountFen(), item.quantity(),
                    item.amountFen()), finance);
            refundAs(outRefundNo, patient, outTradeNo, item.amountFen(), refundedBefore(outTradeNo, totalFen),
                    RefundReason.STAFF_REFUND, channel, finance);
        }
    }

    void topUp(String patient) {
        String topUpId = id("tu");
        String outTradeNo = "TU" + number();
        long amount = 10_000L * (1 + random.nextInt(20));
        Actor actor = Actor.patient("acct-" + patient);
        Instant at = now();
        append("TopUp", topUpId, new TopUpCreated(topUpId, outTradeNo, patient, AccountKind.OUTPATIENT, amount,
                PaymentChannel.WECHAT, at.plus(Duration.ofMinutes(30))), actor);
        append("Payment", outTradeNo, new PaymentCreated(outTradeNo, PaymentPurpose.TOPUP, topUpId, patient, amount,
                PaymentChannel.WECHAT), actor);
        String transaction = "42" + number();
        paidByPayment.put(outTradeNo, amount);
        append("Payment", outTradeNo, new PaymentSucceeded(outTradeNo, transaction, amount, PaymentPurpose.TOPUP,
                topUpId, patient, PaymentChannel.WECHAT), Actor.system("wechat-notification"));
        append("TopUp", topUpId, new TopUpPaid(topUpId, outTradeNo, transaction, amount, at), actor);
        String account = AccountKind.OUTPATIENT.accountOf(patient);
        long balance = balances.merge(account, amount, Long::sum);
        append("Account", account, new AccountCredited(account, patient, AccountKind.OUTPATIENT, amount, balance,
                MovementCause.topUp(topUpId)), actor);
        append("TopUp", topUpId, new TopUpCredited(topUpId, outTradeNo, patient, AccountKind.OUTPATIENT, amount, at,
                balance), actor);
        topUps.add(new TopUpState(topUpId, outTradeNo, patient, new long[] {amount}, new long[] {0}));
    }

    void withdrawal(TopUpState topUp) {
        String account = AccountKind.OUTPATIENT.accountOf(topUp.patientId());
        long amount = Math.min(Math.min(topUp.refundable()[0], balances.getOrDefault(account, 0L)), 5_000L);
        if (amount <= 0) {
            return;
        }
        String withdrawalId = id("wd");
        String outRefundNo = "WD" + number();
        Actor actor = Actor.patient("acct-" + topUp.patientId());
        topUp.refundable()[0] -= amount;
        append("TopUp", topUp.topUpId(), new TopUpPartlyRefunded(topUp.topUpId(), withdrawalId, outRefundNo, amount,
                topUp.refundable()[0]), actor);
        long balance = balances.merge(account, -amount, Long::sum);
        append("Account", account, new AccountDebited(account, topUp.patientId(), AccountKind.OUTPATIENT, amount,
                balance, MovementCause.withdrawal(withdrawalId)), actor);
        long before = topUp.refunded()[0];
        topUp.refunded()[0] += amount;
        refundAs(outRefundNo, topUp.patientId(), topUp.outTradeNo(), amount, before, RefundReason.WITHDRAWAL,
                PaymentChannel.WECHAT, actor);
    }

    // --- shared steps ----------------------------------------------------------------------------------------

    /** By balance where the account holds enough (and the patient chooses it), else by WeChat Pay. */
    PaymentChannel pay(String patient, String outTradeNo, PaymentPurpose purpose, String reference, long amount,
                       Actor actor) {
        String account = AccountKind.OUTPATIENT.accountOf(patient);
        boolean byBalance = balances.getOrDefault(account, 0L) >= amount && random.nextInt(3) > 0;
        PaymentChannel channel = byBalance ? PaymentChannel.BALANCE : PaymentChannel.WECHAT;
        append("Payment", outTradeNo, new PaymentCreated(outTradeNo, purpose, reference, patient, amount, channel),
                actor);
        paidByPayment.put(outTradeNo, amount);
        String transaction;
        if (byBalance) {
            long balance = balances.merge(account, -amount, Long::sum);
            append("Account", account, new AccountDebited(account, patient, AccountKind.OUTPATIENT, amount, balance,
                    MovementCause.payment(outTradeNo)), actor);
            transaction = null;
        } else {
            transaction = "42" + number();
        }
        append("Payment", outTradeNo, new PaymentSucceeded(outTradeNo, transaction, amount, purpose, reference,
                patient, channel), byBalance ? actor : Actor.system("wechat-notification"));
        return channel;
    }

    void invoice(String outTradeNo, String patient, long amount, PaymentPurpose purpose, PaymentChannel channel) {
        String invoiceId = id("inv");
        String invoiceNo = "INV" + number();
        append("Invoice", invoiceId, new InvoiceIssued(invoiceId, invoiceNo, outTradeNo, patient, amount, purpose,
                channel, null, "invoices/" + invoiceNo + ".pdf", now()), Actor.system("invoice"));
    }

    final Map<String, Long> refundedByPayment = new HashMap<>();
    final Map<String, Long> paidByPayment = new HashMap<>();

    long refundedBefore(String outTradeNo, long ignored) {
        return refundedByPayment.getOrDefault(outTradeNo, 0L);
    }

    void refund(String patient, String outTradeNo, long amount, long refundedBefore, RefundReason reason,
                PaymentChannel channel, Actor actor) {
        refundAs("RF" + number(), patient, outTradeNo, amount, refundedBefore, reason, channel, actor);
    }

    /** Reserved on the payment, requested and succeeded on the refund (to the balance or by WeChat), settled. */
    void refundAs(String outRefundNo, String patient, String outTradeNo, long amount, long refundedBefore,
                  RefundReason reason, PaymentChannel channel, Actor actor) {
        long refundableAfter = paidByPayment.getOrDefault(outTradeNo, 0L) - refundedBefore - amount;
        append("Payment", outTradeNo, new RefundReserved(outTradeNo, outRefundNo, amount, refundableAfter), actor);
        append("Refund", outRefundNo, new RefundRequested(outRefundNo, outTradeNo, amount, reason, null,
                actor.id(), channel), actor);
        Long balanceAfter = null;
        String weChatRefundId = null;
        if (channel == PaymentChannel.BALANCE) {
            String account = AccountKind.OUTPATIENT.accountOf(patient);
            balanceAfter = balances.merge(account, amount, Long::sum);
            append("Account", account, new AccountCredited(account, patient, AccountKind.OUTPATIENT, amount,
                    balanceAfter, MovementCause.refund(outRefundNo)), actor);
        } else {
            weChatRefundId = "50" + number();
        }
        append("Refund", outRefundNo, new RefundSucceeded(outRefundNo, outTradeNo, amount, balanceAfter, weChatRefundId,
                channel == PaymentChannel.BALANCE ? "BALANCE" : "原路退回", null), Actor.system("refund"));
        long refundedTotal = refundedByPayment.merge(outTradeNo, amount, Long::sum);
        append("Payment", outTradeNo, new RefundSettled(outTradeNo, outRefundNo, amount, refundedTotal),
                Actor.system("refund"));
    }

    // --- ids, time, the table ----------------------------------------------------------------------------------

    String department() {
        // skewed: the first department is the busiest, as internal medicine is
        return departments[random.nextInt(3) == 0 ? 0 : random.nextInt(departments.length)];
    }

    String doctor(String department) {
        return department.replace("dept-", "doc-") + "-" + random.nextInt(6);
    }

    /** Short, as the app's own ids are: some read-model columns are 32 characters. */
    String id(String prefix) {
        return prefix + number();
    }

    String number() {
        return String.format("%014d", ++counter);
    }

    Instant now() {
        return start.plusNanos((written + pending.size()) * stepMicros * 1000);
    }

    void append(String type, String aggregate, Object payload, Actor actor) {
        long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
        SerializedObject<byte[]> body = serializer.serialize(payload, byte[].class);
        Map<String, Object> meta = new HashMap<>(actor.toMetaData());
        String trace = UUID.randomUUID().toString();
        meta.put("traceId", trace);
        meta.put("correlationId", trace);
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.from(meta), byte[].class);
        pending.add(new Object[] {sequence, aggregate, UUID.randomUUID().toString(), body.getType().getRevision(),
                body.getType().getName(), now().toString(), type, metaData.getData(), body.getData()});
        if (pending.size() >= ROWS_PER_COMMIT) {
            try {
                flush(false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Multi-row INSERTs of ROWS_PER_INSERT, one transaction per ROWS_PER_COMMIT events. */
    void flush(boolean last) throws Exception {
        for (int from = 0; from < pending.size(); from += ROWS_PER_INSERT) {
            int rows = Math.min(ROWS_PER_INSERT, pending.size() - from);
            PreparedStatement statement = rows == ROWS_PER_INSERT ? fullInsert() : prepare(rows);
            int p = 1;
            for (Object[] row : pending.subList(from, from + rows)) {
                for (Object value : row) {
                    statement.setObject(p++, value);
                }
            }
            statement.executeUpdate();
            if (rows != ROWS_PER_INSERT) {
                statement.close();
            }
        }
        connection.commit();
        written += pending.size();
        pending.clear();
        if (written % 100_000 < ROWS_PER_COMMIT || last) {
            System.err.printf("[replay-generator] %d / %d events%n", written, total);
        }
    }

    PreparedStatement fullInsert() throws Exception {
        if (fullInsert == null) {
            fullInsert = prepare(ROWS_PER_INSERT);
        }
        return fullInsert;
    }

    PreparedStatement prepare(int rows) throws Exception {
        StringBuilder sql = new StringBuilder("INSERT INTO domain_event_entry (sequence_number, aggregate_identifier, "
                + "event_identifier, payload_revision, payload_type, time_stamp, type, meta_data, payload) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?)");
        }
        return connection.prepareStatement(sql.toString());
    }
}
