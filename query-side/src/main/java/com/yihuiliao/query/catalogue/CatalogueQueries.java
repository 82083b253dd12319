package com.yihuiliao.query.catalogue;

import com.yihuiliao.api.catalogue.DepartmentSummary;
import com.yihuiliao.api.catalogue.DoctorProfile;
import com.yihuiliao.api.catalogue.FindDepartments;
import com.yihuiliao.api.catalogue.FindDoctor;
import com.yihuiliao.api.catalogue.FindDoctors;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/** Catalogue reads, cached in Redis (shared by every query node); {@link CatalogueCacheEviction} keeps them fresh. */
@Component
public class CatalogueQueries {

    static final String DEPARTMENTS = "departments";
    static final String DOCTORS = "doctors";
    static final String DOCTOR = "doctor";

    private final QueryGateway queries;

    CatalogueQueries(QueryGateway queries) {
        this.queries = queries;
    }

    @Cacheable(DEPARTMENTS)
    public List<DepartmentSummary> departments() {
        return queries.query(new FindDepartments(), ResponseTypes.multipleInstancesOf(DepartmentSummary.class)).join();
    }

    @Cacheable(value = DOCTORS, key = "#departmentId == null ? 'all' : #departmentId")
    public List<DoctorProfile> doctors(String departmentId) {
        return queries.query(new FindDoctors(departmentId), ResponseTypes.multipleInstancesOf(DoctorProfile.class)).join();
    }

    @Cacheable(value = DOCTOR, unless = "#result == null")
    public DoctorProfile doctor(String doctorId) {
        return queries.query(new FindDoctor(doctorId), ResponseTypes.instanceOf(DoctorProfile.class)).join();
    }
}
