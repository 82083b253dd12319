package com.yihuiliao.command.patient;

import com.yihuiliao.command.patient.ResidentIdNumber.Sex;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
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
 * <p>A newborn (no document of its own yet) is stored under its guardian's document, with its own birth date
 * and sex and the guardian's name.
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
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private DocumentType documentType;
    private String idNumber;
    private String nationality;
    private LocalDate newbornBirthDate;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Sex newbornSex;
    private String guardianName;
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

    void update(String realName, IdentityDocument document, Newborn newborn, String phone, Relationship relationship) {
        this.realName = realName;
        this.documentType = document.type();
        this.idNumber = document.number();
        this.nationality = document.nationality();
        this.newbornBirthDate = newborn == null ? null : newborn.birthDate();
        this.newbornSex = newborn == null ? null : newborn.sex();
        this.guardianName = newborn == null ? null : newborn.guardianName();
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

    /** The document with its full number: for comparison and storage, never for a response or a log line. */
    IdentityDocument document() {
        return documentType().stored(idNumber, nationality);
    }

    /** Rows from before there were other documents hold resident IDs (the migration's default says so too). */
    DocumentType documentType() {
        return documentType == null ? DocumentType.RESIDENT_ID : documentType;
    }

    /** The newborn this patient is, or null for someone with a document of their own. */
    public Newborn newborn() {
        return newbornBirthDate == null ? null : new Newborn(newbornBirthDate, newbornSex, guardianName);
    }

    /**
     * What "a document once per account" compares: the document's identity, and for a newborn its birth date
     * and name too, so twins under one guardian's document are two patients and the guardian a third.
     */
    String documentKey() {
        return key(document(), newborn(), realName);
    }

    static String key(IdentityDocument document, Newborn newborn, String realName) {
        return newborn == null ? document.key() : document.key() + "|NEWBORN:" + newborn.birthDate() + ":" + realName;
    }

    public String getIdNumberMasked() {
        return Masking.document(documentType(), idNumber);
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
