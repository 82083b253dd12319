package com.yihuiliao.query.catalogue;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.catalogue.DepartmentSummary;
import com.yihuiliao.api.catalogue.DoctorProfile;
import com.yihuiliao.query.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Catalogue", description = "Departments and doctors (public)")
class CatalogueController {

    private final CatalogueQueries catalogue;

    CatalogueController(CatalogueQueries catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/departments")
    @Operation(summary = "All departments, top-level first")
    ListPage<DepartmentSummary> departments(@Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                            @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return ListPage.slice("departments", catalogue.departments(), cursor, ListPage.size(size));
    }

    @GetMapping("/api/doctors")
    @Operation(summary = "Doctors, of one department when given")
    ListPage<DoctorProfile> doctors(
            @RequestParam(required = false) @ResourceId String departmentId,
            @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
            @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return ListPage.slice("doctors", catalogue.doctors(departmentId), cursor, ListPage.size(size));
    }

    @GetMapping("/api/doctors/{doctorId}")
    @Operation(summary = "A doctor's profile")
    DoctorProfile doctor(@PathVariable @ResourceId String doctorId) {
        return NotFound.orThrow(catalogue.doctor(doctorId), ErrorCode.DOCTOR_NOT_FOUND);
    }
}
