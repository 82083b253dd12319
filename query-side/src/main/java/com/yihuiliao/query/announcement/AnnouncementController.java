package com.yihuiliao.query.announcement;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.announcement.AnnouncementAdminView;
import com.yihuiliao.api.announcement.AnnouncementSummary;
import com.yihuiliao.api.announcement.FindActiveAnnouncements;
import com.yihuiliao.api.announcement.FindAllAnnouncements;
import com.yihuiliao.query.Reads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Announcements", description = "Active announcements (public), and every announcement (staff)")
class AnnouncementController {

    private final Reads reads;

    AnnouncementController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/announcements")
    @Operation(summary = "The announcements shown now: pinned first, then the newest")
    ListPage<AnnouncementSummary> active(@Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                         @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return ListPage.slice("active-announcements", reads.all(new FindActiveAnnouncements(), AnnouncementSummary.class),
                cursor, ListPage.size(size));
    }

    @GetMapping("/api/admin/announcements")
    @Operation(summary = "Staff: every announcement, withdrawn ones included, newest active period first")
    ListPage<AnnouncementAdminView> all(@Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                        @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return reads.page(new FindAllAnnouncements(cursor, ListPage.size(size)), AnnouncementAdminView.class);
    }
}
