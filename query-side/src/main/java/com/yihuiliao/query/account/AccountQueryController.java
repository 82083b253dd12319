package com.yihuiliao.query.account;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.account.AccountBalance;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.account.FindPatientAccounts;
import com.yihuiliao.query.PatientOwnership;
import com.yihuiliao.query.Reads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Accounts", description = "My patients' balances")
class AccountQueryController {

    private final Reads reads;
    private final PatientOwnership ownership;

    AccountQueryController(Reads reads, PatientOwnership ownership) {
        this.reads = reads;
        this.ownership = ownership;
    }

    @GetMapping("/api/me/accounts")
    @Operation(summary = "The outpatient balance and inpatient deposit of one of my patients (0 until first credited)")
    ListPage<AccountBalance> mine(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                  @RequestParam @ResourceId String patientId,
                                  @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                  @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        ownership.requireMine(jwt, patientId);
        List<AccountBalance> found = reads.all(new FindPatientAccounts(patientId), AccountBalance.class);
        List<AccountBalance> all = new ArrayList<>();
        for (AccountKind kind : AccountKind.values()) {
            all.add(found.stream().filter(a -> a.kind() == kind).findFirst()
                    .orElse(new AccountBalance(patientId, kind, 0, null)));
        }
        return ListPage.slice("accounts", all, cursor, ListPage.size(size));
    }
}
