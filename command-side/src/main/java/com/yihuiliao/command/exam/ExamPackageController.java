package com.yihuiliao.command.exam;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.command.exam.ExamPackages.ExamPackage;
import com.yihuiliao.command.patient.ResidentIdNumber.Sex;
import com.yihuiliao.command.text.DisplayText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Physical exams", description = "Exam packages (体检套餐), read by anyone and kept by the super admin")
class ExamPackageController {

    private final ExamPackages packages;

    ExamPackageController(ExamPackages packages) {
        this.packages = packages;
    }

    /** A package as saved: items, price in fen, notes (体检须知), who it suits (sex absent: either) and whether it is offered. */
    record ExamPackageRequest(@NotBlank @Size(max = 100) @DisplayText String name,
                          @NotNull @Size(min = 1, max = 100) List<@NotBlank @Size(max = 100) @DisplayText String> items,
                          @NotNull @Min(1) @Max(10_000_000) Long priceFen,
                          @NotNull @Size(max = 2000) @DisplayText(multiline = true) String notes,
                          Sex sex,
                          @NotNull @Min(0) @Max(150) Integer minAge,
                          @NotNull @Min(0) @Max(150) Integer maxAge,
                          @NotNull Boolean active) {
    }

    @PutMapping("/api/admin/exam-packages/{packageId}")
    @Operation(summary = "Create or replace an exam package: items, priceFen, notes, sex (absent: either), "
            + "minAge–maxAge (years, both included), active")
    ExamPackage save(@PathVariable @ResourceId String packageId, @Valid @RequestBody ExamPackageRequest request) {
        return packages.save(new ExamPackage(packageId, request.name(), request.items(), request.priceFen(),
                request.notes(), request.sex(), request.minAge(), request.maxAge(), request.active()));
    }

    @GetMapping("/api/exam-packages")
    @Operation(summary = "The exam packages on offer, by name")
    ListPage<ExamPackage> list(@Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                               @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return packages.offered(cursor, size);
    }

    @GetMapping("/api/exam-packages/{packageId}")
    @Operation(summary = "An exam package on offer: its items, price, notes (体检须知) and who it suits")
    ExamPackage find(@PathVariable @ResourceId String packageId) {
        return packages.offered(packageId);
    }
}
