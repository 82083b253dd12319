package com.yihuiliao.api.bill;

import java.util.List;

public record BillIssued(String billId, String externalNo, String patientId, List<BillItem> items, long totalFen,
                         String departmentId, String doctorId, String issuedBy) implements BillEvent {
}
