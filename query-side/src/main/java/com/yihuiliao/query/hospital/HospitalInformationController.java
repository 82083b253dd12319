package com.yihuiliao.query.hospital;

import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.hospital.Article;
import com.yihuiliao.api.hospital.ArticleCategory;
import com.yihuiliao.api.hospital.ArticleSummary;
import com.yihuiliao.api.hospital.Campus;
import com.yihuiliao.api.hospital.FindArticle;
import com.yihuiliao.api.hospital.FindArticleCategories;
import com.yihuiliao.api.hospital.FindArticles;
import com.yihuiliao.api.hospital.FindCampuses;
import com.yihuiliao.api.hospital.FindHospitalIntroduction;
import com.yihuiliao.api.hospital.FindSuspensionNotices;
import com.yihuiliao.api.hospital.FindVisitGuide;
import com.yihuiliao.api.hospital.FindVisitGuides;
import com.yihuiliao.api.hospital.HospitalIntroduction;
import com.yihuiliao.api.hospital.SuspensionNotice;
import com.yihuiliao.api.hospital.VisitGuide;
import com.yihuiliao.api.hospital.VisitGuideSummary;
import com.yihuiliao.query.DownloadLinks;
import com.yihuiliao.query.DateRanges;
import com.yihuiliao.query.Reads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Hospital information", description = "The introduction, campuses with navigation, visit guide, health "
        + "encyclopedia and suspension notices (医院服务), public")
class HospitalInformationController {

    /** How far ahead suspension notices are listed by default. */
    static final int NOTICE_DAYS = 30;

    private final Reads reads;
    private final DownloadLinks links;

    HospitalInformationController(Reads reads, DownloadLinks links) {
        this.reads = reads;
        this.links = links;
    }

    @GetMapping("/api/hospital/introduction")
    @Operation(summary = "The hospital's introduction (医院介绍), sanitized HTML")
    HospitalIntroduction introduction() {
        return reads.one(new FindHospitalIntroduction(), HospitalIntroduction.class, ErrorCode.NOT_FOUND);
    }

    @GetMapping("/api/hospital/campuses")
    @Operation(summary = "The campuses: address, phone, GCJ-02 coordinates and a Baidu Maps marker link")
    ListPage<Campus> campuses(@Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                              @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return ListPage.slice("campuses", reads.all(new FindCampuses(), Campus.class), cursor, ListPage.size(size));
    }

    @GetMapping("/api/hospital/guides")
    @Operation(summary = "The visit guide's pages (就医指南), in order")
    ListPage<VisitGuideSummary> guides(@Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                       @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return ListPage.slice("visit-guides", reads.all(new FindVisitGuides(), VisitGuideSummary.class), cursor,
                ListPage.size(size));
    }

    @GetMapping("/api/hospital/guides/{guideId}")
    @Operation(summary = "A page of the visit guide, sanitized HTML")
    VisitGuide guide(@PathVariable @ResourceId String guideId) {
        return reads.one(new FindVisitGuide(guideId), VisitGuide.class, ErrorCode.NOT_FOUND);
    }

    @GetMapping("/api/hospital/articles")
    @Operation(summary = "Health encyclopedia articles (健康百科), of one category or all, those containing q (in title, "
            + "summary or text) or all, newest first")
    ListPage<ArticleSummary> articles(@RequestParam(required = false) @Size(min = 1, max = 20) String category,
                                      @RequestParam(required = false) @Size(min = 1, max = 50) String q,
                                      @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                      @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return reads.page(new FindArticles(category, q == null || q.isBlank() ? null : q.trim(), cursor,
                ListPage.size(size)), ArticleSummary.class);
    }

    @GetMapping("/api/hospital/articles/{articleId}")
    @Operation(summary = "An encyclopedia article, sanitized HTML")
    Article article(@PathVariable @ResourceId String articleId) {
        return reads.one(new FindArticle(articleId), Article.class, ErrorCode.NOT_FOUND);
    }

    @GetMapping("/api/hospital/article-categories")
    @Operation(summary = "The encyclopedia's categories, with how many articles each holds")
    ListPage<ArticleCategory> categories(@Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                         @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return ListPage.slice("article-categories", reads.all(new FindArticleCategories(), ArticleCategory.class),
                cursor, ListPage.size(size));
    }

    @GetMapping("/api/hospital/images/{name}")
    @ApiResponse(responseCode = "302", description = "To the image in object storage (a presigned link)")
    @Operation(summary = "An image of the hospital's rich text: a redirect to a fresh presigned link")
    ResponseEntity<Void> image(@PathVariable @Pattern(regexp = "^[0-9a-f]{64}\\.(png|jpg|gif|webp)$") String name) {
        DownloadLinks.DownloadLink link = links.of("hospital/images/" + name, "image " + name,
                ErrorCode.DOCUMENT_STORAGE_UNAVAILABLE);
        // shorter than the link's own validity, so a cached redirect never points at an expired link
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(link.url()))
                .cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES)).build();
    }

    @GetMapping("/api/hospital/suspension-notices")
    @Operation(summary = "Suspension notices (停诊通知): suspended schedules from one Shanghai date to another "
            + "(inclusive; default today and the next 30 days), soonest first")
    ListPage<SuspensionNotice> suspensions(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                           @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                           @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        LocalDate first = from != null ? from : LocalDate.now(Clocks.HOSPITAL_ZONE);
        LocalDate last = to != null ? to : first.plusDays(NOTICE_DAYS);
        DateRanges.requireOrdered(first, last);
        return reads.page(new FindSuspensionNotices(first, last, cursor, ListPage.size(size)), SuspensionNotice.class);
    }
}
