package com.yihuiliao.query.rebuild;

import com.yihuiliao.api.ResourceId;
import com.yihuiliao.query.rebuild.RebuildProgress.Mode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Audit replays: rebuild read models from the event store into shadow tables and verify them against the live. */
@RestController
@Validated
@Tag(name = "Audit", description = "Timelines and states as of an instant, from the event store (auditors; patients their own timelines)")
class RebuildController {

    /** Which models ("all": every one) and what to do with the shadow (VERIFY: compare, then drop it). */
    record RebuildRequest(List<String> models, Mode mode) {
    }

    private final Rebuilds rebuilds;

    RebuildController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping("/api/admin/audit/rebuilds")
    @Operation(summary = "Rebuild read models from the event store into shadow tables and verify them against the live ones (202; one at a time: 409 REBUILD_IN_PROGRESS)")
    ResponseEntity<RebuildProgress> start(@RequestBody RebuildRequest request, Authentication caller) {
        RebuildProgress started = rebuilds.start(request.models(), request.mode() == null ? Mode.VERIFY : request.mode(),
                caller == null ? null : caller.getName());
        return ResponseEntity.accepted().location(URI.create("/api/admin/audit/rebuilds/" + started.rebuildId()))
                .body(started);
    }

    @GetMapping("/api/admin/audit/rebuilds/{rebuildId}")
    @Operation(summary = "A rebuild's progress (events done of total, rate, ETA) and, when done, its differences")
    RebuildProgress progress(@ResourceId @PathVariable String rebuildId) {
        return rebuilds.progress(rebuildId);
    }
}
