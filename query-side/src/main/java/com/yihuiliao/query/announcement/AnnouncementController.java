package com.yihuiliao.query.announcement;

import com.yihuiliao.api.announcement.AnnouncementPage;
import com.yihuiliao.api.announcement.AnnouncementSummary;
import com.yihuiliao.api.announcement.FindActiveAnnouncements;
import com.yihuiliao.api.announcement.FindAllAnnouncements;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Announcements", description = "Active announcements (public), and every announcement (staff)")
class AnnouncementController {

    private final QueryGateway queries;

    AnnouncementController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/announcements")
    @Operation(summary = "The announcements shown now: pinned first, then the newest")
    List<AnnouncementSummary> active() {
        return queries.query(new FindActiveAnnouncements(),
                ResponseTypes.multipleInstancesOf(AnnouncementSummary.class)).join();
    }

    @GetMapping("/api/admin/announcements")
    @Operation(summary = "Staff: every announcement, withdrawn ones included, newest active period first")
    AnnouncementPage all(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                         @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return queries.query(new FindAllAnnouncements(page, size), ResponseTypes.instanceOf(AnnouncementPage.class))
                .join();
    }
}
