package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yihuiliao.api.catalogue.DepartmentSummary;
import com.yihuiliao.api.catalogue.DoctorProfile;
import com.yihuiliao.api.catalogue.FindDepartments;
import com.yihuiliao.api.catalogue.FindDoctor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.Registration;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.CacheManager;
import org.springframework.cache.interceptor.SimpleKey;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The catalogue is read once from the read model, then from Redis until the catalogue changes. */
class CatalogueCacheIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    QueryGateway queries;
    @Autowired
    CacheManager caches;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    @Value("${spring.cache.redis.key-prefix}")
    String prefix;

    @Test
    void aSecondReadIsServedFromRedis() {
        Api admin = new Api(port).admin();
        Api anonymous = new Api(port);
        String departmentId = admin.department();
        String doctorId = admin.doctor(departmentId, 1500);
        // the view has them and has evicted the caches for them: a read now stays cached
        Processors.awaitAtHead(processing, eventStore, "catalogue-view");
        await().atMost(Duration.ofSeconds(20)).until(() -> anonymous.get("/api/doctors/" + doctorId).status() == 200
                && anonymous.all("/api/departments").toString().contains(departmentId));

        // in Redis under the cache's key, and read back as the record it was
        assertThat(redis.hasKey(prefix + "doctor::" + doctorId)).isTrue();
        assertThat(redis.hasKey(prefix + "departments::" + SimpleKey.EMPTY)).isTrue();
        DoctorProfile cached = caches.getCache("doctor").get(doctorId, DoctorProfile.class);
        assertThat(cached.doctorId()).isEqualTo(doctorId);
        assertThat(cached.feeFen()).isEqualTo(1500);
        List<?> departments = caches.getCache("departments").get(SimpleKey.EMPTY, List.class);
        assertThat(departments).hasOnlyElementsOfType(DepartmentSummary.class)
                .extracting(d -> ((DepartmentSummary) d).departmentId()).contains(departmentId);

        // the next reads never reach the query handlers
        AtomicInteger asked = new AtomicInteger();
        Registration counting = queries.registerDispatchInterceptor(messages -> (i, query) -> {
            if (query.getPayload() instanceof FindDoctor || query.getPayload() instanceof FindDepartments) {
                asked.incrementAndGet();
            }
            return query;
        });
        try {
            assertThat(anonymous.get("/api/doctors/" + doctorId).text("doctorId")).isEqualTo(doctorId);
            assertThat(anonymous.all("/api/departments").toString()).contains(departmentId);
        } finally {
            counting.cancel();
        }
        assertThat(asked).hasValue(0);
    }

    @Test
    void aChangedDoctorIsReadAfreshAfterItsEviction() {
        Api admin = new Api(port).admin();
        Api anonymous = new Api(port);
        String departmentId = admin.department();
        String doctorId = admin.doctor(departmentId, 1500);
        Processors.awaitAtHead(processing, eventStore, "catalogue-view");
        await().atMost(Duration.ofSeconds(20)).until(() -> anonymous.get("/api/doctors/" + doctorId).status() == 200);
        assertThat(redis.hasKey(prefix + "doctor::" + doctorId)).isTrue();

        Api.expect(admin.put("/api/admin/doctors/" + doctorId, "{\"departmentId\":\"" + departmentId
                + "\",\"name\":\"测试医生\",\"title\":\"主任医师\",\"feeFen\":2500}"), 200);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> anonymous.get("/api/doctors/" + doctorId).body().path("feeFen").asLong() == 2500);
    }
}
