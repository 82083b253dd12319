package com.yihuiliao.query.rebuild;

import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far a live processor has come, across every node: the lowest position of its segments' tokens, read from
 * {@code token_entry} without claiming any (the token store's own fetch would claim a segment from its owner).
 */
final class LivePositions {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    LivePositions(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The lowest position over the group's segments; empty if it has none yet or a segment has no token. */
    OptionalLong of(String processingGroup) {
        List<OptionalLong> positions = jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, i) -> {
                    byte[] token = rs.getBytes("token");
                    String type = rs.getString("token_type");
                    if (token == null || type == null) {
                        return OptionalLong.empty();
                    }
                    TrackingToken tracking = serializer.deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(type, null)));
                    return tracking == null ? OptionalLong.empty() : tracking.position();
                }, processingGroup);
        if (positions.isEmpty() || positions.stream().anyMatch(OptionalLong::isEmpty)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(positions.stream().mapToLong(OptionalLong::getAsLong).min().orElseThrow());
    }
}
