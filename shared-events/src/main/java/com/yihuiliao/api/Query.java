package com.yihuiliao.api;

/**
 * A question to a read model, sent through Axon's query gateway and named as a question ({@code FindSchedule},
 * {@code IsPatientOfAccount}).
 *
 * @param <R> what its query handler answers: one thing (absent: {@code null}), a {@code List} or a
 *            {@link ListPage}
 */
public interface Query<R> {
}
