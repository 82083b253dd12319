package com.yihuiliao.query.catalogue;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import java.util.List;
import org.springframework.stereotype.Component;

/** The catalogue is public. */
@Component
class CatalogueQueryAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.get("/api/departments/**", "/api/doctors/**").open());
    }
}
