package com.yihuiliao.command.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A patient (就诊人): a person a WeChat account books for. Plain JPA data owned by {@link Patients};
 * removal is soft ({@code removed_at} set) so history stays readable. Instants are stored as UTC wall
 * time, whatever the JVM's or database's zone.
 *
 * <p>No {@code toString}: the ID number and phone must not reach a log line unmasked.
 */
@Entity
@Table(name = "patient")
public class Patient {

    /** How the patient is related to the account holder. */
    public enum Relationship { SELF, SPOUSE, CHILD, PARENT, OTHER }

    /** A random UUID, assigned when the patient is saved. */
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private String id;
    private String accountId;
    private String realName;
    private String idNumber;
    private String phone;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Relationship relationship;
    @Column(name = "is_default")
    private boolean isDefault;
    private LocalDateTime createdAt;
    private LocalDateTime removedAt;

    protected Patient() {
    }

    Patient(String accountId, Instant createdAt) {
        this.accountId = accountId;
        this.createdAt = utc(createdAt);
    }

    void update(String realName, ResidentIdNumber idNumber, String phone, Relationship relationship) {
        this.realName = realName;
        this.idNumber = idNumber.value();
        this.phone = phone;
        this.relationship = relationship;
    }

    void setDefault(boolean isDefault) {
        this.isDefault = isDefault;
    }

    void remove(Instant at) {
        this.removedAt = utc(at);
        this.isDefault = false;
    }

    private static LocalDateTime utc(Instant instant) {
        // DATETIME(6) keeps microseconds: what is held here is what a reload reads
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    public String getId() {
        return id;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getRealName() {
        return realName;
    }

    /** The full number: for comparison and storage, never for a response or a log line. */
    ResidentIdNumber residentIdNumber() {
        return ResidentIdNumber.parse(idNumber);
    }

    String idNumber() {
        return idNumber;
    }

    public String getIdNumberMasked() {
        return Masking.idNumber(idNumber);
    }

    /** The full phone: never for a response or a log line. */
    String phone() {
        return phone;
    }

    public String getPhoneMasked() {
        return Masking.phone(phone);
    }

    public Relationship getRelationship() {
        return relationship;
    }

    public boolean isDefault() {
        return isDefault;
    }

    public Instant getCreatedAt() {
        return createdAt.toInstant(ZoneOffset.UTC);
    }

    public boolean isRemoved() {
        return removedAt != null;
    }

    public Instant getRemovedAt() {
        return removedAt == null ? null : removedAt.toInstant(ZoneOffset.UTC);
    }
}
