package com.yihuiliao.command.catalogue;

import org.springframework.data.jpa.repository.JpaRepository;

interface DoctorRepository extends JpaRepository<Doctor, String> {
}
