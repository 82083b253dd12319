package com.yihuiliao.command.inpatient;

import com.yihuiliao.api.inpatient.AdmissionSettled;
import com.yihuiliao.api.inpatient.PatientAdmitted;
import com.yihuiliao.command.lookup.Lookups;
import jakarta.annotation.PostConstruct;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which admissions are open (admitted, not yet settled), per patient: the {@code open_admission} lookup (V140), written
 * in the admitting and the settling command's own transaction (the subscribing lookups group, errors propagate), so
 * it never lags the admissions as a read model would. The deposit's withdrawal asks it: a withdrawal that does not
 * see an admission committed after it ran simply came first.
 */
@Component
@ProcessingGroup(Lookups.GROUP)
public class OpenAdmissions {

    private static final Logger log = LoggerFactory.getLogger(OpenAdmissions.class);

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;

    OpenAdmissions(JdbcTemplate jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
    }

    /** The patient's admissions not yet settled, by id. */
    public List<String> openFor(String patientId) {
        return jdbc.queryForList("SELECT admission_id FROM open_admission WHERE patient_id = ? ORDER BY admission_id",
                String.class, patientId);
    }

    @EventHandler
    void on(PatientAdmitted event) {
        jdbc.update("INSERT INTO open_admission (admission_id, patient_id) VALUES (?, ?) "
                + "ON DUPLICATE KEY UPDATE admission_id = admission_id", event.admissionId(), event.patientId());
    }

    @EventHandler
    void on(AdmissionSettled event) {
        jdbc.update("DELETE FROM open_admission WHERE admission_id = ?", event.admissionId());
    }

    /** Admissions recorded before the table: only those never settled are read. */
    @PostConstruct
    void backfill() {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM open_admission", Integer.class);
        if (rows != null && rows > 0) {
            return;
        }
        List<String> open = jdbc.queryForList("SELECT DISTINCT a.aggregate_identifier FROM domain_event_entry a "
                + "WHERE a.payload_type = ? AND NOT EXISTS (SELECT 1 FROM domain_event_entry s WHERE "
                + "s.aggregate_identifier = a.aggregate_identifier AND s.payload_type = ?)", String.class,
                PatientAdmitted.class.getName(), AdmissionSettled.class.getName());
        for (String admissionId : open) {
            DomainEventStream events = eventStore.readEvents(admissionId);
            while (events.hasNext()) {
                DomainEventMessage<?> event = events.next();
                if (event.getPayload() instanceof PatientAdmitted admitted) {
                    on(admitted);
                }
            }
        }
        if (!open.isEmpty()) {
            log.info("open_admission filled from the event store: {} open admissions", open.size());
        }
    }
}
