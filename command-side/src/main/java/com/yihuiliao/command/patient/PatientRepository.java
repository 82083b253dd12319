package com.yihuiliao.command.patient;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PatientRepository extends JpaRepository<Patient, String> {

    /** An account's live patients, oldest first. */
    @Query("SELECT p FROM Patient p WHERE p.accountId = :accountId AND p.removedAt IS NULL "
            + "ORDER BY p.createdAt, p.id")
    List<Patient> findLive(String accountId);

    @Query("SELECT p FROM Patient p WHERE p.id = :id AND p.accountId = :accountId AND p.removedAt IS NULL")
    Optional<Patient> findLive(String id, String accountId);

    /** The same, and the row stays locked until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT p FROM Patient p WHERE p.id = :id AND p.accountId = :accountId AND p.removedAt IS NULL")
    Optional<Patient> findLiveForUpdate(String id, String accountId);

    /** The same, read with a shared lock: the latest committed row, which a removal must wait for. */
    @Lock(LockModeType.PESSIMISTIC_READ)
    @Query("SELECT p FROM Patient p WHERE p.id = :id AND p.accountId = :accountId AND p.removedAt IS NULL")
    Optional<Patient> findLiveForShare(String id, String accountId);
}
