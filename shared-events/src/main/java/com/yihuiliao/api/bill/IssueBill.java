package com.yihuiliao.api.bill;

import com.yihuiliao.api.Command;
import java.util.List;

/**
 * Staff or the hospital system issue a bill for a patient. {@code externalNo} (the HIS bill number) is
 * optional; the same number issues once. Department and doctor are optional.
 */
public record IssueBill(String billId, String externalNo, String patientId, List<BillItem> items,
                        String departmentId, String doctorId, String issuedBy) implements Command {
}
