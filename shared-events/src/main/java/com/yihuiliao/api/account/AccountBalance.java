package com.yihuiliao.api.account;

import java.time.Instant;

public record AccountBalance(String patientId, AccountKind kind, long balanceFen, Instant updatedAt) {
}
