package com.yihuiliao.command.hospital;

import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.hospital.ArticleRemoved;
import com.yihuiliao.api.hospital.ArticleSaved;
import com.yihuiliao.api.hospital.CampusRemoved;
import com.yihuiliao.api.hospital.CampusSaved;
import com.yihuiliao.api.hospital.HospitalIntroductionSaved;
import com.yihuiliao.api.hospital.VisitGuideRemoved;
import com.yihuiliao.api.hospital.VisitGuideSaved;
import com.yihuiliao.command.text.DisplayText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hospital information (医院服务) as the super admin keeps it: reference content with no rules between its parts,
 * so each change is one event carrying the whole new state (the read model on every node follows it) under an id
 * the caller chooses, as departments and doctors are; a PUT adds or replaces, a DELETE removes (again: nothing
 * more). Rich text is cleaned before the event is made.
 */
@RestController
@Validated
@Tag(name = "Admin: hospital information", description = "The introduction, campuses, visit guide, encyclopedia "
        + "articles and their images (医院服务)")
class HospitalContentController {

    private final EventGateway events;
    private final HospitalImages images;

    HospitalContentController(EventGateway events, HospitalImages images) {
        this.events = events;
        this.images = images;
    }

    /** Rich text: what is not on the safelist (script, event handlers, styles) is removed. */
    record IntroductionRequest(@NotBlank @Size(max = RichText.MAX) String html) {
    }

    /** Coordinates in GCJ-02 (WeChat's maps); phone as dialled, e.g. 010-12345678. */
    record CampusRequest(@NotBlank @Size(max = 64) @DisplayText String name,
                         @NotBlank @Size(max = 200) @DisplayText String address,
                         @NotBlank @Pattern(regexp = "^[0-9+()\\- ]{3,30}$") String phone,
                         @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
                         @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
                         @Min(0) @Max(10_000) int sortOrder) {
    }

    /** A page of the visit guide; rich text, cleaned. */
    record GuideRequest(@NotBlank @Size(max = 100) @DisplayText String title,
                        @NotBlank @Size(max = RichText.MAX) String html, @Min(0) @Max(10_000) int sortOrder) {
    }

    /** An encyclopedia article; rich text, cleaned. */
    record ArticleRequest(@NotBlank @Size(max = 20) @DisplayText String category,
                          @NotBlank @Size(max = 100) @DisplayText String title,
                          @Size(max = 300) @DisplayText String summary,
                          @NotBlank @Size(max = RichText.MAX) String html) {
    }

    /** An image, base64 encoded: PNG, JPEG, GIF or WebP, at most 5 MB. */
    record ImageRequest(@NotBlank @Size(max = (HospitalImages.MAX_BYTES / 3 + 1) * 4) String dataBase64) {
    }

    /** Where rich text links an uploaded image (an {@code <img src>}). */
    record StoredImage(String path) {
    }

    @PutMapping("/api/admin/hospital/introduction")
    @Operation(summary = "Replace the hospital's introduction (rich text, cleaned of script)")
    ResponseEntity<Void> introduction(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                      @Valid @RequestBody IntroductionRequest request) {
        events.publish(new HospitalIntroductionSaved(RichText.clean("html", request.html()).html(), jwt.getSubject()));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/admin/hospital/campuses/{campusId}")
    @Operation(summary = "Add or replace a campus: address, phone and GCJ-02 coordinates (its Baidu Maps link follows)")
    ResponseEntity<Void> campus(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                @PathVariable @ResourceId String campusId, @Valid @RequestBody CampusRequest request) {
        events.publish(new CampusSaved(campusId, request.name(), request.address(), request.phone().trim(),
                request.latitude(), request.longitude(), request.sortOrder(), jwt.getSubject()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/admin/hospital/campuses/{campusId}")
    @Operation(summary = "Remove a campus from the list")
    ResponseEntity<Void> removeCampus(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                      @PathVariable @ResourceId String campusId) {
        events.publish(new CampusRemoved(campusId, jwt.getSubject()));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/admin/hospital/guides/{guideId}")
    @Operation(summary = "Add or replace a page of the visit guide (就医指南; rich text, cleaned of script)")
    ResponseEntity<Void> guide(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                               @PathVariable @ResourceId String guideId, @Valid @RequestBody GuideRequest request) {
        events.publish(new VisitGuideSaved(guideId, request.title(), RichText.clean("html", request.html()).html(),
                request.sortOrder(), jwt.getSubject()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/admin/hospital/guides/{guideId}")
    @Operation(summary = "Remove a page of the visit guide")
    ResponseEntity<Void> removeGuide(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                     @PathVariable @ResourceId String guideId) {
        events.publish(new VisitGuideRemoved(guideId, jwt.getSubject()));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/admin/hospital/articles/{articleId}")
    @Operation(summary = "Add or replace a health encyclopedia article (健康百科; rich text, cleaned of script)")
    ResponseEntity<Void> article(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                 @PathVariable @ResourceId String articleId, @Valid @RequestBody ArticleRequest request) {
        RichText.Clean body = RichText.clean("html", request.html());
        events.publish(new ArticleSaved(articleId, request.category(), request.title(),
                request.summary() == null || request.summary().isBlank() ? null : request.summary(), body.html(),
                body.text(), jwt.getSubject()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/admin/hospital/articles/{articleId}")
    @Operation(summary = "Remove an encyclopedia article")
    ResponseEntity<Void> removeArticle(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                       @PathVariable @ResourceId String articleId) {
        events.publish(new ArticleRemoved(articleId, jwt.getSubject()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/admin/hospital/images")
    @ApiResponse(responseCode = "201", description = "Stored", useReturnTypeSchema = true)
    @Operation(summary = "Upload an image for rich text; answers the path an <img src> links it by")
    ResponseEntity<StoredImage> image(@Valid @RequestBody ImageRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new StoredImage(images.store(request.dataBase64())));
    }
}
