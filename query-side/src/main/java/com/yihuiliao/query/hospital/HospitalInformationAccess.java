package com.yihuiliao.query.hospital;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import java.util.List;
import org.springframework.stereotype.Component;

/** Hospital information is public, like the catalogue. */
@Component
class HospitalInformationAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(AccessRule.get("/api/hospital/**").open());
    }
}
