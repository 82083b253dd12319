package com.yihuiliao.query.audit;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event's key fields for a timeline: numbers (amounts in fen), flags, enums (statuses, reason codes, channels),
 * dates and times (in Asia/Shanghai), ids and order numbers, and records of those. Free text (notes, reasons
 * typed by people, item names) and lists are left out, so nothing personal is shown.
 */
final class EventFields {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private EventFields() {
    }

    static Map<String, Object> of(Object payload) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (payload == null || !payload.getClass().isRecord()) {
            return fields;
        }
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            Object value = read(component, payload);
            Object shown = shown(component.getName(), value);
            if (shown != null) {
                fields.put(component.getName(), shown);
            }
        }
        return fields;
    }

    private static Object shown(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof LocalDate) {
            return value;
        }
        if (value instanceof Enum<?> code) {
            return code.name();
        }
        if (value instanceof Instant instant) {
            return OffsetDateTime.ofInstant(instant, SHANGHAI);
        }
        if (value instanceof String text) {
            return isIdentifier(name) ? text : null;
        }
        if (value.getClass().isRecord()) {
            Map<String, Object> nested = of(value);
            return nested.isEmpty() ? null : nested;
        }
        return null;
    }

    private static boolean isIdentifier(String name) {
        return name.endsWith("Id") || name.endsWith("No") || name.endsWith("Reference") || name.equals("period");
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
