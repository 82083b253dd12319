package com.yihuiliao.command.catalogue;

import com.yihuiliao.api.ResourceId;
import com.yihuiliao.command.text.DisplayText;
import com.yihuiliao.command.text.PersonName;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Admin: catalogue", description = "Departments (two levels) and doctors")
class CatalogueAdminController {

    private final Catalogue catalogue;

    CatalogueAdminController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** A department as staff enter it (two levels: a parent is a top-level department). */
    record DepartmentRequest(@ResourceId String parentId, @NotBlank @Size(max = 64) @DisplayText String name,
                             @Size(max = 2000) @DisplayText(multiline = true) String introduction, @Min(0) @Max(10000) int sortOrder) {
    }

    /** A doctor as staff enter it: department, name, title, specialty, introduction and registration fee. */
    record DoctorRequest(@NotBlank @ResourceId String departmentId, @NotBlank @Size(max = 64) @PersonName String name,
                         @Size(max = 64) @DisplayText String title, @Size(max = 500) @DisplayText String specialty,
                         @Size(max = 4000) @DisplayText(multiline = true) String introduction, @Size(max = 500) @Pattern(regexp = "^https?://.*") String photoUrl,
                         @NotNull @Min(0) @Max(10_000_000) Long feeFen) {
    }

    /** A department as stored, answered to staff. */
    record DepartmentView(String id, String parentId, String name, String introduction, int sortOrder) {
    }

    /** A doctor as stored, answered to staff. */
    record DoctorView(String id, String departmentId, String name, String title, String specialty,
                      String introduction, String photoUrl, long feeFen) {
    }

    @PutMapping("/api/admin/departments/{id}")
    @Operation(summary = "Create or update a department")
    DepartmentView saveDepartment(@PathVariable @ResourceId String id,
                                  @Valid @RequestBody DepartmentRequest request) {
        Department d = catalogue.saveDepartment(id, request.parentId(), request.name(), request.introduction(),
                request.sortOrder());
        return new DepartmentView(d.getId(), d.getParentId(), d.getName(), d.getIntroduction(), d.getSortOrder());
    }

    @PutMapping("/api/admin/doctors/{id}")
    @Operation(summary = "Create or update a doctor")
    DoctorView saveDoctor(@PathVariable @ResourceId String id, @Valid @RequestBody DoctorRequest request) {
        Doctor d = catalogue.saveDoctor(id, request.departmentId(), request.name(), request.title(),
                request.specialty(), request.introduction(), request.photoUrl(), request.feeFen());
        return new DoctorView(d.getId(), d.getDepartmentId(), d.getName(), d.getTitle(), d.getSpecialty(),
                d.getIntroduction(), d.getPhotoUrl(), d.getFeeFen());
    }
}
