package com.yihuiliao.query;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.Query;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * How the query controllers read the read models through the query bus: a page of a list, a whole short list,
 * one thing (absent: 404 with its code), and a patient's own reads, where another account's patient or thing
 * answers exactly like an unknown one, so ids do not leak. Each takes the {@link Query} whose answer it reads, so a
 * query read as the wrong kind of answer does not compile.
 */
@Component
public class Reads {

    private final QueryGateway queries;
    private final PatientOwnership ownership;

    Reads(QueryGateway queries, PatientOwnership ownership) {
        this.queries = queries;
        this.ownership = ownership;
    }

    public <T> ListPage<T> page(Query<ListPage<T>> query, Class<T> item) {
        return queries.query(query, ListPages.of(item)).join();
    }

    /** A page of one of the caller's patients; the query is made after the check, so the check answers first. */
    public <T> ListPage<T> pageOfMyPatient(Jwt caller, String patientId, Class<T> item,
                                           Supplier<? extends Query<ListPage<T>>> query) {
        ownership.requireMine(caller, patientId);
        return page(query.get(), item);
    }

    public <T> List<T> all(Query<List<T>> query, Class<T> item) {
        return queries.query(query, ResponseTypes.multipleInstancesOf(item)).join();
    }

    public <T> T one(Query<T> query, Class<T> type, ErrorCode notFound) {
        return NotFound.orThrow(find(query, type), notFound);
    }

    /** One thing that belongs to one of the caller's patients (named by {@code patientOf}). */
    public <T> T oneOfMyPatients(Jwt caller, Query<T> query, Class<T> type, Function<T, String> patientOf,
                                 ErrorCode notFound) {
        T found = find(query, type);
        return NotFound.orThrow(found != null && ownership.isMine(caller, patientOf.apply(found)) ? found : null,
                notFound);
    }

    private <T> T find(Query<T> query, Class<T> type) {
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }
}
