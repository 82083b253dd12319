package com.yihuiliao.app;

import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An example value for a schema of the API document, built from the schema itself so it follows every change
 * of a record: a property's own example if it has one, an enum's first value, else a realistic value by the
 * property's name (a Chinese name, a valid resident ID in requests and a masked one in answers, fen amounts,
 * Beijing-day dates) or by its type.
 */
final class OpenApiExamples {

    private static final int DEPTH = 5;

    /** Realistic values by property name; what answers show masked has its masked form in {@link #MASKED}. */
    private static final Map<String, Object> BY_NAME = Map.ofEntries(
            Map.entry("realName", "张三"), Map.entry("guardianName", "张三"), Map.entry("displayName", "王芳"),
            Map.entry("patientName", "张三"), Map.entry("doctorName", "李明"), Map.entry("departmentName", "心血管内科"),
            Map.entry("idNumber", "110101199003071233"), Map.entry("phone", "13812345678"),
            Map.entry("nationality", "CHN"), Map.entry("reason", "医生外出会诊"), Map.entry("title", "主任医师"),
            Map.entry("specialty", "冠心病、高血压"), Map.entry("introduction", "从事心血管内科临床工作二十年。"),
            Map.entry("body", "12月8日上午心内科李明主任医师停诊，已预约的患者将收到退款。"),
            Map.entry("username", "cashier01"), Map.entry("password", "Cashier-2026-ok"),
            Map.entry("oldPassword", "One-time-2026"), Map.entry("newPassword", "Cashier-2026-ok"),
            Map.entry("code", "alice:1"), Map.entry("receiptNo", "R0001"), Map.entry("externalNo", "HIS-0001"),
            Map.entry("requestId", "r-20261208-0001"), Map.entry("outTradeNo", "YHL20261208093015A1B2"),
            Map.entry("outRefundNo", "YHR20261208101500C3D4"), Map.entry("transactionId", "4200001234202612081234567890"),
            Map.entry("invoiceNo", "INV-YHL20261208093015A1B2"), Map.entry("url", "https://oss.example.com/invoice.pdf"),
            Map.entry("accessToken", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl"),
            Map.entry("refreshToken", "rt_3q2+7w=="), Map.entry("date", "2026-12-08"), Map.entry("birthDate", "2025-11-02"),
            Map.entry("weekStart", "2026-12-07"), Map.entry("name", "心血管内科"), Map.entry("capacity", 20),
            Map.entry("quantity", 1), Map.entry("line", 1), Map.entry("remaining", 19), Map.entry("limit", 3));

    private static final Map<String, Object> MASKED = Map.of("idNumber", "1101**********1233",
            "idNumberMasked", "1101**********1233", "phone", "138****5678", "phoneMasked", "138****5678");

    private final Map<String, Schema> components;

    OpenApiExamples(Map<String, Schema> components) {
        this.components = components;
    }

    /** An example of the schema; {@code answer}: as the API answers it (documents and phones masked). */
    Object of(Schema<?> schema, boolean answer) {
        return of(schema, null, answer, 0);
    }

    private Object of(Schema<?> schema, String name, boolean answer, int depth) {
        if (schema == null || depth > DEPTH) {
            return null;
        }
        if (schema.get$ref() != null) {
            Schema<?> referenced = components.get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
            return referenced == null ? null : of(referenced, name, answer, depth + 1);
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(0);
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return of(schema.getAllOf().get(0), name, answer, depth + 1);
        }
        String type = schema.getType() != null ? schema.getType()
                : schema.getTypes() != null && !schema.getTypes().isEmpty() ? schema.getTypes().iterator().next()
                : schema.getProperties() != null ? "object" : null;
        if ("array".equals(type)) {
            Object item = of(schema.getItems(), singular(name), answer, depth + 1);
            return item == null ? List.of() : List.of(item);
        }
        if ("object".equals(type)) {
            Map<String, Object> object = new LinkedHashMap<>();
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((property, value) -> {
                    Object example = of(value, property, answer, depth + 1);
                    if (example != null) {
                        object.put(property, example);
                    }
                });
            }
            return object;
        }
        return scalar(type, schema.getFormat(), name, answer);
    }

    private static Object scalar(String type, String format, String name, boolean answer) {
        if (name != null && answer && MASKED.containsKey(name)) {
            return MASKED.get(name);
        }
        if (name != null && BY_NAME.containsKey(name)) {
            return BY_NAME.get(name);
        }
        if ("integer".equals(type) || "number".equals(type)) {
            return name != null && name.endsWith("Fen") ? 4500 : 1;
        }
        if ("boolean".equals(type)) {
            return name != null && name.startsWith("is") && answer;
        }
        if ("date".equals(format)) {
            return "2026-12-08";
        }
        if ("date-time".equals(format)) {
            return "2026-12-08T01:30:00Z";
        }
        if (name != null && name.endsWith("Id")) {
            return name.replaceAll("Id$", "").replaceAll("([A-Z])", "-$1").toLowerCase() + "-3f9a2c71";
        }
        return "string".equals(type) ? "…" : null;
    }

    private static String singular(String name) {
        return name != null && name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }
}
