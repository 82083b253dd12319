package com.yihuiliao.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The templates of one language for {@link ProblemMessage}s. A template names its parameters in braces:
 * {@code {limit}}; {@code {amountFen:yuan}} shows fen as yuan with two decimals; an instant is shown as Beijing
 * time; an enum constant by its template {@code SimpleName.CONSTANT} where there is one, else by its name; a
 * list joined; a nested message worded in the same language.
 */
public final class ProblemTexts {

    public static final ProblemTexts ENGLISH = new ProblemTexts("/i18n/problem-details_en.properties", ", ");
    public static final ProblemTexts CHINESE = new ProblemTexts("/i18n/problem-details_zh.properties", "、");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)(?::(\\w+))?}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
            .withZone(Clocks.HOSPITAL_ZONE);

    private final Map<String, String> templates;
    private final String listSeparator;

    private ProblemTexts(String resource, String listSeparator) {
        this.templates = load(resource);
        this.listSeparator = listSeparator;
    }

    /** The message in this language; null if this language has no template for its key. */
    public String word(ProblemMessage message) {
        String template = templates.get(message.key());
        if (template == null) {
            return null;
        }
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            Object value = message.parameters().get(placeholder.group(1));
            placeholder.appendReplacement(out, Matcher.quoteReplacement(format(value, placeholder.group(2))));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    /** Every key with its template, for the test that keeps the languages complete. */
    public Map<String, String> templates() {
        return templates;
    }

    /** The parameter names a template uses. */
    public static Set<String> placeholders(String template) {
        return PLACEHOLDER.matcher(template).results().map(m -> m.group(1)).collect(Collectors.toSet());
    }

    private String format(Object value, String style) {
        if (value == null) {
            return "";
        }
        if ("yuan".equals(style) && value instanceof Number fen) {
            long amount = fen.longValue();
            return (amount < 0 ? "-" : "") + Math.abs(amount / 100) + "." + String.format("%02d", Math.abs(amount % 100));
        }
        if (value instanceof Instant instant) {
            return TIME.format(instant);
        }
        if (value instanceof Enum<?> constant) {
            return templates.getOrDefault(constant.getDeclaringClass().getSimpleName() + "." + constant.name(),
                    constant.name());
        }
        if (value instanceof ProblemMessage nested) {
            String worded = word(nested);
            return worded == null ? nested.key() : worded;
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(v -> format(v, style)).collect(Collectors.joining(listSeparator));
        }
        return value.toString();
    }

    /** A UTF-8 properties file on the class path (an absolute resource name), as a sorted, read-only map. */
    public static Map<String, String> load(String resource) {
        try (InputStream in = ProblemTexts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new TreeMap<>();
            properties.forEach((key, value) -> map.put(key.toString(), value.toString()));
            return java.util.Collections.unmodifiableMap(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
