package com.yihuiliao.command.patient;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ProblemMessage;
import com.yihuiliao.api.patient.PatientRegistered;
import com.yihuiliao.api.patient.PatientRemoved;
import com.yihuiliao.command.patient.Patient.Relationship;
import com.yihuiliao.command.text.TextRules;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patients (就诊人) of an account: at most {@code yihuiliao.patients.max-per-account} live ones,
 * each identity document once (a newborn under a guardian's document counts by its birth date and name, so
 * twins are two), exactly one default while there are any. Every method acts for the given
 * account only; another account's patient id is answered as unknown, so ids do not leak.
 *
 * <p>The account-wide rules are checked under a per-account row lock ({@code patient_account_lock}),
 * so two requests of one account (a double tap) run one after the other and the second sees the
 * first. Registrations and removals are also published as events, in the same transaction.
 */
@Service
@Transactional
public class Patients {

    private static final Logger log = LoggerFactory.getLogger(Patients.class);
    private static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");

    private final PatientRepository patients;
    private final JdbcTemplate jdbc;
    private final EventGateway events;
    private final PatientDirectory directory;
    private final int maxPerAccount;
    private final Clock clock = Clock.system(Clocks.HOSPITAL_ZONE);

    Patients(PatientRepository patients, JdbcTemplate jdbc, EventGateway events, PatientDirectory directory,
             @Value("${yihuiliao.patients.max-per-account:5}") int maxPerAccount) {
        if (maxPerAccount < 1) {
            throw new IllegalArgumentException("yihuiliao.patients.max-per-account must be at least 1");
        }
        this.patients = patients;
        this.jdbc = jdbc;
        this.events = events;
        this.directory = directory;
        this.maxPerAccount = maxPerAccount;
    }

    /** The account's live patients, oldest first. */
    @Transactional(readOnly = true)
    public List<Patient> list(String accountId) {
        return patients.findLive(accountId);
    }

    /**
     * A patient as entered: the document's type (null: a resident ID), number and, for passports, nationality;
     * {@code newborn} when the patient is a newborn under this (the guardian's) document, else null.
     */
    public record Details(String realName, String documentType, String idNumber, String nationality, Newborn newborn,
                          String phone, Relationship relationship) {
    }

    /** Adds a patient; the account's first (or, should there be none, a new) patient becomes the default. */
    public Patient add(String accountId, Details details) {
        Checked checked = checked(details);
        lockAccount(accountId);
        List<Patient> live = patients.findLive(accountId);
        if (live.size() >= maxPerAccount) {
            throw new BusinessRuleViolation(ErrorCode.PATIENT_LIMIT_REACHED,
                    ProblemMessage.of("patient.limit", "limit", maxPerAccount));
        }
        refuseDuplicate(live, checked, null);
        Patient patient = new Patient(accountId, clock.instant());
        checked.applyTo(patient);
        patient.setDefault(live.stream().noneMatch(Patient::isDefault));
        patients.save(patient); // new (no id yet): persisted, and given its id
        directory.put(patient);
        events.publish(new PatientRegistered(patient.getId(), accountId));
        log.info("Account {} added patient {} ({})", accountId, patient.getId(), checked);
        return patient;
    }

    /** Replaces a patient's details; the default stays where it is. */
    public Patient update(String accountId, String patientId, Details details) {
        Checked checked = checked(details);
        lockAccount(accountId);
        Patient patient = live(patientId, accountId);
        refuseDuplicate(patients.findLive(accountId), checked, patientId);
        checked.applyTo(patient);
        directory.put(patient);
        log.info("Account {} updated patient {} ({})", accountId, patientId, checked);
        return patient;
    }

    /**
     * Removes a patient (soft: the row stays, with removed_at). Refused while the patient has a
     * booking on today or later. If it was the default, the oldest remaining patient becomes it.
     */
    public void remove(String accountId, String patientId) {
        lockAccount(accountId);
        // locked before the bookings are read: a booking that checked belongsTo() first commits, then is seen
        Patient patient = patients.findLiveForUpdate(patientId, accountId)
                .orElseThrow(() -> new BusinessRuleViolation(ErrorCode.PATIENT_NOT_FOUND));
        LocalDate today = today();
        List<LocalDate> booked = jdbc.queryForList("SELECT visit_date FROM patient_daily_booking "
                        + "WHERE patient_id = ? AND booked > 0 AND visit_date >= ? ORDER BY visit_date FOR UPDATE",
                LocalDate.class, patientId, today);
        if (!booked.isEmpty()) {
            throw new BusinessRuleViolation(ErrorCode.PATIENT_IN_USE,
                    ProblemMessage.of("patient.in-use", "bookedFrom", booked.get(0)));
        }
        boolean wasDefault = patient.isDefault();
        patient.remove(clock.instant());
        if (wasDefault) {
            patients.findLive(accountId).stream()
                    .filter(other -> !other.getId().equals(patientId))
                    .findFirst()
                    .ifPresent(oldest -> oldest.setDefault(true));
        }
        events.publish(new PatientRemoved(patientId, accountId));
        log.info("Account {} removed patient {} (ID {})", accountId, patientId, patient.getIdNumberMasked());
    }

    /** Makes this patient the account's default, and no other. */
    public Patient makeDefault(String accountId, String patientId) {
        lockAccount(accountId);
        Patient chosen = live(patientId, accountId);
        for (Patient patient : patients.findLive(accountId)) {
            patient.setDefault(patient.getId().equals(patientId));
        }
        return chosen;
    }

    /**
     * Is this a live patient of this account? Asked only by {@link ActsForPatientCheck}, inside the command's
     * transaction and before its handler runs. It reads the latest committed row with a shared lock, so a
     * concurrent removal waits until the command (a booking) commits and then sees it.
     */
    boolean belongsTo(String patientId, String accountId) {
        if (patientId == null || accountId == null) {
            return false;
        }
        return patients.findLiveForShare(patientId, accountId).isPresent();
    }

    /** A patient not removed, of any account: for staff acting on a patient's behalf. */
    public boolean isLive(String patientId) {
        return patients.findById(patientId).filter(patient -> patient.getRemovedAt() == null).isPresent();
    }

    /** A live patient as shown (birth date and sex where known), of any account: e.g. whom an exam package suits. */
    public PatientView view(String patientId) {
        return patients.findById(patientId).filter(patient -> patient.getRemovedAt() == null).map(PatientView::of)
                .orElseThrow(() -> new BusinessRuleViolation(ErrorCode.PATIENT_NOT_FOUND));
    }

    /** One of the account's patients, present or removed: what the account placed stays readable by it. */
    public boolean isOrWasOf(String patientId, String accountId) {
        return patients.findById(patientId).filter(patient -> patient.getAccountId().equals(accountId)).isPresent();
    }

    /** The account a patient (present or removed) belongs to: whom to tell about it. */
    public Optional<String> accountOf(String patientId) {
        return patients.findById(patientId).map(Patient::getAccountId);
    }

    private Patient live(String patientId, String accountId) {
        return patients.findLive(patientId, accountId)
                .orElseThrow(() -> new BusinessRuleViolation(ErrorCode.PATIENT_NOT_FOUND));
    }

    private static void refuseDuplicate(List<Patient> live, Checked checked, String exceptPatientId) {
        IdentityDocument id = checked.id();
        Newborn newborn = checked.newborn();
        String name = checked.name();
        String key = Patient.key(id, newborn, name);
        for (Patient other : live) {
            if (!other.getId().equals(exceptPatientId) && other.documentKey().equals(key)) {
                throw new BusinessRuleViolation(ErrorCode.PATIENT_ALREADY_ADDED, newborn == null
                        ? "The document " + id.masked() + " already belongs to one of this account's patients."
                        : "This newborn (" + name + ", born " + newborn.birthDate() + ", under the document "
                        + id.masked() + ") is already one of this account's patients.");
            }
        }
    }

    /**
     * Serializes the patient changes of one account: the row is created on the account's first
     * change and locked until the transaction ends. Taken before anything is read, so what is read
     * afterwards includes every change committed by the request that held the lock before.
     */
    private void lockAccount(String accountId) {
        jdbc.update("INSERT INTO patient_account_lock (account_id, version) VALUES (?, 1) "
                + "ON DUPLICATE KEY UPDATE version = version + 1", accountId);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // the controller validates the same; these keep other callers' mistakes out of the table

    /** A patient's details as checked, once, for adding and updating alike. */
    private record Checked(IdentityDocument id, String name, Newborn newborn, String mobile, Relationship relationship) {

        void applyTo(Patient patient) {
            patient.update(name, id, newborn, mobile, relationship);
        }

        /** As the log shows it: the document masked, the phone masked. */
        @Override
        public String toString() {
            return id + (newborn == null ? "" : ", a newborn under the guardian's document") + ", phone "
                    + Masking.phone(mobile);
        }
    }

    private Checked checked(Details details) {
        LocalDate today = today();
        return new Checked(DocumentType.of(details.documentType()).parse(details.idNumber(), details.nationality(), today),
                name(details.realName()), newborn(details.newborn(), today), phone(details.phone()),
                required(details.relationship()));
    }

    private static String name(String realName) {
        String name = realName == null ? "" : TextRules.normaliseName(realName);
        if (name.isEmpty() || name.length() > 32) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "realName",
                    ProblemMessage.of("patient.name-length", "min", 1, "max", 32));
        }
        return TextRules.checkedName("realName", name);
    }

    /** Optional: blank means none. */
    private static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String mobile = phone.strip();
        if (!MOBILE.matcher(mobile).matches()) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED,
                    "The phone must be a mainland mobile number of 11 digits starting with 13 to 19.");
        }
        return mobile;
    }

    private static Relationship required(Relationship relationship) {
        if (relationship == null) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "Please choose the relationship.");
        }
        return relationship;
    }

    /**
     * A newborn is born already and at most a year ago: a child gets its own resident ID number when entered in
     * the household register (户口), normally within its first months, and is registered with it from then on.
     */
    private static Newborn newborn(Newborn newborn, LocalDate today) {
        if (newborn == null) {
            return null;
        }
        LocalDate born = newborn.birthDate();
        if (born == null) {
            throw invalid("newborn.birthDate", ProblemMessage.of("newborn.birth-date-missing"));
        }
        if (born.isAfter(today)) {
            throw invalid("newborn.birthDate", ProblemMessage.of("newborn.birth-date-future"));
        }
        if (born.isBefore(today.minusYears(1))) {
            throw invalid("newborn.birthDate", ProblemMessage.of("newborn.too-old", "bornOnOrAfter", today.minusYears(1)));
        }
        if (newborn.sex() == null) {
            throw invalid("newborn.sex", ProblemMessage.of("newborn.sex-missing"));
        }
        String guardian = newborn.guardianName() == null ? "" : TextRules.normaliseName(newborn.guardianName());
        if (guardian.isEmpty() || guardian.length() > 32) {
            throw invalid("newborn.guardianName", ProblemMessage.of("newborn.guardian-name-length", "min", 1, "max", 32));
        }
        return new Newborn(born, newborn.sex(), TextRules.checkedName("newborn.guardianName", guardian));
    }

    private static BusinessRuleViolation invalid(String field, ProblemMessage message) {
        return new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, field, message);
    }
}
