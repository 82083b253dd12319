package com.yihuiliao.query.rebuild;

import static com.yihuiliao.query.rebuild.RebuildableReadModel.Table.table;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.projection.account.AccountProjection;
import com.yihuiliao.projection.bill.BillProjection;
import com.yihuiliao.projection.billing.BillingProjection;
import com.yihuiliao.projection.finance.FinanceProjection;
import com.yihuiliao.projection.invoice.InvoiceProjection;
import com.yihuiliao.projection.topup.TopUpProjection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The read models an audit can rebuild and verify, by name (their processing group). Adding one is one line: its
 * projection class and its tables with their key columns (the projection's constructor takes a JdbcTemplate,
 * which the rebuild points at the shadow, and otherwise beans of the context).
 */
@Component
public class RebuildableReadModels {

    /** The name that asks for every registered model. */
    public static final String ALL = "all";

    private final Map<String, RebuildableReadModel> byName = new LinkedHashMap<>();

    RebuildableReadModels() {
        register(RebuildableReadModel.of(BillingProjection.class, table("payment_record", "out_trade_no"),
                table("refund_record", "out_refund_no"), table("account_movement", "account_id", "sequence_number")));
        register(RebuildableReadModel.of(AccountProjection.class, table("account_view", "account_id")));
        register(RebuildableReadModel.of(TopUpProjection.class, table("topup_record", "top_up_id")));
        register(RebuildableReadModel.of(BillProjection.class, table("bill_view", "bill_id"),
                table("bill_item_view", "bill_id", "line"), table("bill_refund_request_view", "request_id")));
        register(RebuildableReadModel.of(InvoiceProjection.class, table("invoice_view", "invoice_no"),
                table("credit_note_view", "invoice_no")));
        register(RebuildableReadModel.of(FinanceProjection.class, table("finance_appointment", "appointment_id"),
                table("finance_bill_line", "bill_id", "line"), table("finance_consumption", "row_id"),
                table("finance_line_refund", "out_refund_no"),
                table("finance_daily_summary", "business_date", "department_id", "channel", "purpose")));
    }

    private void register(RebuildableReadModel model) {
        if (byName.putIfAbsent(model.name(), model) != null) {
            throw new IllegalStateException("Registered twice: " + model.name());
        }
    }

    public List<RebuildableReadModel> all() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /**
     * The named models, in the order asked, each once ({@code all}: every one); an unknown name is 400
     * UNKNOWN_READ_MODEL.
     */
    public List<RebuildableReadModel> named(List<String> names) {
        if (names != null && names.contains(ALL)) {
            return all();
        }
        if (names == null || names.isEmpty()) {
            throw new BusinessRuleViolation(ErrorCode.UNKNOWN_READ_MODEL, "models",
                    "Name at least one read model: " + String.join(", ", byName.keySet()));
        }
        return names.stream().distinct().map(name -> {
            RebuildableReadModel model = byName.get(name);
            if (model == null) {
                throw new BusinessRuleViolation(ErrorCode.UNKNOWN_READ_MODEL, "models",
                        "No rebuildable read model '" + name + "'; there are: " + String.join(", ", byName.keySet()));
            }
            return model;
        }).toList();
    }
}
