package com.yihuiliao.command.staff;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The first start of a command node creates the super admin, if there is none. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SuperAdminBootstrap implements ApplicationRunner {

    private final StaffAccounts staff;

    SuperAdminBootstrap(StaffAccounts staff) {
        this.staff = staff;
    }

    @Override
    public void run(ApplicationArguments args) {
        staff.ensureSuperAdmin();
    }
}
