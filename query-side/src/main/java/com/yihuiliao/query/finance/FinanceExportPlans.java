package com.yihuiliao.query.finance;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.finance.ConsumptionFilter;
import com.yihuiliao.api.finance.ConsumptionRecord;
import com.yihuiliao.api.finance.ConsumptionSort;
import com.yihuiliao.api.finance.DailySummary;
import com.yihuiliao.api.finance.FindConsumptionRecords;
import com.yihuiliao.api.finance.FindRefundReport;
import com.yihuiliao.api.finance.FindTopUpReport;
import com.yihuiliao.api.finance.RefundReportRow;
import com.yihuiliao.api.finance.TopUpReportRow;
import com.yihuiliao.query.Reads;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What each report's export writes, from the request's own parameters (so a job stored as those parameters
 * plans the same file on whichever node runs it). Planning checks the parameters (400 for bad ones) and counts
 * the filtered set, which decides whether the file is answered at once or made by a job.
 */
@Component
class FinanceExportPlans {

    static final String CONSUMPTION = "consumption";
    static final String TOP_UPS = "top-ups";
    static final String REFUNDS = "refunds";
    static final String DAILY_SUMMARIES = "daily-summaries";

    private final Reads reads;
    private final CachedFinanceReports cached;
    private final FinanceReportVersions versions;

    FinanceExportPlans(Reads reads, CachedFinanceReports cached, FinanceReportVersions versions) {
        this.reads = reads;
        this.cached = cached;
        this.versions = versions;
    }

    ReportExport.Plan<?> plan(String report, Map<String, String> p) {
        return switch (report) {
            case CONSUMPTION -> consumption(p);
            case TOP_UPS -> topUps(p);
            case REFUNDS -> refunds(p);
            case DAILY_SUMMARIES -> dailySummaries(p);
            default -> throw new IllegalArgumentException("no export of " + report);
        };
    }

    private ReportExport.Plan<ConsumptionRecord> consumption(Map<String, String> p) {
        ConsumptionFilter filter = FinanceReportsController.consumptionFilter(p.get("from"), p.get("to"),
                p.get("departmentId"), p.get("doctorId"), p.get("patient"), p.get("channel"), p.get("purpose"),
                p.get("status"));
        ConsumptionSort order = ReportParams.sort(ConsumptionSort.class, p.get("sort"), ConsumptionSort.PAID_AT);
        boolean descending = ReportParams.descending(p.get("direction"));
        long total = reads.page(new FindConsumptionRecords(filter, order, descending, true, null, 1),
                ConsumptionRecord.class).total();
        return new ReportExport.Plan<>("门诊消费记录", CONSUMPTION_COLUMNS, after -> reads.page(
                new FindConsumptionRecords(filter, order, descending, false, after, ReportExport.CHUNK),
                ConsumptionRecord.class).map(r -> FinanceReportsController.worded(r, false)), total);
    }

    private ReportExport.Plan<TopUpReportRow> topUps(Map<String, String> p) {
        FindTopUpReport first = FinanceReportsController.topUpQuery(p.get("kind"), p.get("from"), p.get("to"),
                p.get("channel"), p.get("patient"), p.get("status"), p.get("sort"), p.get("direction"), true, null, 1);
        long total = reads.page(first, TopUpReportRow.class).total();
        String name = first.kind() == AccountKind.INPATIENT ? "住院充值记录"
                : first.kind() == AccountKind.OUTPATIENT ? "门诊充值记录" : "充值记录";
        return new ReportExport.Plan<>(name, TOPUP_COLUMNS, after -> reads.page(new FindTopUpReport(first.kind(),
                first.from(), first.to(), first.channel(), first.patient(), first.status(), first.sort(),
                first.descending(), false, after, ReportExport.CHUNK), TopUpReportRow.class), total);
    }

    private ReportExport.Plan<RefundReportRow> refunds(Map<String, String> p) {
        FindRefundReport first = FinanceReportsController.refundQuery(p.get("from"), p.get("to"), p.get("patient"),
                p.get("channel"), p.get("purpose"), p.get("status"), p.get("reason"), p.get("sort"),
                p.get("direction"), true, null, 1);
        long total = reads.page(first, RefundReportRow.class).total();
        return new ReportExport.Plan<>("退款记录", REFUND_COLUMNS, after -> reads.page(new FindRefundReport(
                first.from(), first.to(), first.patient(), first.channel(), first.purpose(), first.status(),
                first.reason(), first.sort(), first.descending(), false, after, ReportExport.CHUNK),
                RefundReportRow.class).map(r -> FinanceReportsController.worded(r, false)), total);
    }

    private ReportExport.Plan<DailySummary> dailySummaries(Map<String, String> p) {
        List<DailySummary> all = FinanceReportsController.summaries(cached, versions, p.get("from"), p.get("to"),
                p.get("departmentId"), p.get("channel"), p.get("purpose"));
        // a range's summaries are few (at most 366 days x departments x channels x purposes): one chunk
        return new ReportExport.Plan<>("日汇总", SUMMARY_COLUMNS,
                after -> new ListPage<>(all, Math.max(1, all.size()), null, all.size(), null), all.size());
    }

    private static final List<ReportExport.Column<ConsumptionRecord>> CONSUMPTION_COLUMNS = List.of(
            ReportExport.Column.of("患者", ConsumptionRecord::patientName),
            ReportExport.Column.of("证件号", ConsumptionRecord::idNumberMasked),
            ReportExport.Column.of("科室", ConsumptionRecord::departmentName),
            ReportExport.Column.of("医生", ConsumptionRecord::doctorName),
            ReportExport.Column.of("项目", ConsumptionRecord::itemName),
            ReportExport.Column.of("支付方式", r -> FinanceReportsController.channelName(r.channel())),
            ReportExport.Column.fen("金额（元）", ConsumptionRecord::amountFen),
            ReportExport.Column.fen("已退（元）", ConsumptionRecord::refundedFen),
            ReportExport.Column.fen("净额（元）", ConsumptionRecord::netFen),
            ReportExport.Column.of("票据号", ConsumptionRecord::invoiceNo),
            ReportExport.Column.of("支付时间", ConsumptionRecord::paidAt),
            ReportExport.Column.of("订单号", ConsumptionRecord::outTradeNo));
    private static final List<ReportExport.Column<TopUpReportRow>> TOPUP_COLUMNS = List.of(
            ReportExport.Column.of("患者", TopUpReportRow::patientName),
            ReportExport.Column.of("证件号", TopUpReportRow::idNumberMasked),
            ReportExport.Column.of("类别", r -> r.kind() == AccountKind.INPATIENT ? "住院押金" : "门诊充值"),
            ReportExport.Column.of("充值方式", r -> FinanceReportsController.channelName(r.channel())),
            ReportExport.Column.fen("金额（元）", TopUpReportRow::amountFen),
            ReportExport.Column.fen("已退（元）", TopUpReportRow::refundedFen),
            ReportExport.Column.fen("净额（元）", TopUpReportRow::netFen),
            ReportExport.Column.of("收据号", TopUpReportRow::receiptNo),
            ReportExport.Column.of("操作员", TopUpReportRow::operator),
            ReportExport.Column.of("到账时间", TopUpReportRow::creditedAt),
            ReportExport.Column.of("订单号", TopUpReportRow::outTradeNo));
    private static final List<ReportExport.Column<RefundReportRow>> REFUND_COLUMNS = List.of(
            ReportExport.Column.of("患者", RefundReportRow::patientName),
            ReportExport.Column.of("证件号", RefundReportRow::idNumberMasked),
            ReportExport.Column.of("退款项目", r -> r.itemName() != null ? r.itemName() : FinanceReportsController.purposeName(r.purpose())),
            ReportExport.Column.of("退款原因", RefundReportRow::reason),
            ReportExport.Column.of("退款方式", r -> FinanceReportsController.channelName(r.channel())),
            ReportExport.Column.fen("金额（元）", RefundReportRow::amountFen),
            ReportExport.Column.of("状态", r -> switch (r.status()) {
                case REQUESTED -> "退款中";
                case SUCCEEDED -> "已退款";
                case FAILED -> "退款失败";
            }),
            ReportExport.Column.of("微信退款单号", RefundReportRow::weChatRefundId),
            ReportExport.Column.of("退款入账账户", RefundReportRow::receivedBy),
            ReportExport.Column.of("操作员", RefundReportRow::operator),
            ReportExport.Column.of("申请时间", RefundReportRow::requestedAt),
            ReportExport.Column.of("完成时间", RefundReportRow::finishedAt),
            ReportExport.Column.of("退款单号", RefundReportRow::outRefundNo),
            ReportExport.Column.of("原订单号", RefundReportRow::outTradeNo));
    private static final List<ReportExport.Column<DailySummary>> SUMMARY_COLUMNS = List.of(
            ReportExport.Column.of("日期", DailySummary::businessDate),
            ReportExport.Column.of("科室", DailySummary::departmentName),
            ReportExport.Column.of("支付方式", r -> FinanceReportsController.channelName(r.channel())),
            ReportExport.Column.of("类别", r -> FinanceReportsController.purposeName(r.purpose())),
            ReportExport.Column.of("笔数", DailySummary::count),
            ReportExport.Column.fen("金额（元）", DailySummary::grossFen),
            ReportExport.Column.fen("退款（元）", DailySummary::refundedFen),
            ReportExport.Column.fen("净额（元）", DailySummary::netFen));
}
