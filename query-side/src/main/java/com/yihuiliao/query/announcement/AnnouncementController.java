package com.yihuiliao.query.announcement;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.announcement.AnnouncementAdminView;
import com.yihuiliao.api.announcement.AnnouncementSummary;
import com.yihuiliao.api.announcement.FindActiveAnnouncements;
import com.yihuiliao.api.announcement.FindAllAnnouncements;
import com.yihuiliao.query.ListPages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
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
    ListPage<AnnouncementSummary> active(@Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                         @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return ListPage.slice("active-announcements", queries.query(new FindActiveAnnouncements(),
                ResponseTypes.multipleInstancesOf(AnnouncementSummary.class)).join(), cursor, ListPage.size(size));
    }

    @GetMapping("/api/admin/announcements")
    @Operation(summary = "Staff: every announcement, withdrawn ones included, newest active period first")
    ListPage<AnnouncementAdminView> all(@Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                        @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return queries.query(new FindAllAnnouncements(cursor, ListPage.size(size)),
                ListPages.of(AnnouncementAdminView.class)).join();
    }
}
