package com.yihuiliao.app;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

/**
 * Who may call which endpoint: every feature's rows ({@link PathAccess} beans) merged into one table, read
 * by the security filter chain, the staff standing filter and the OpenAPI document, so they never disagree.
 *
 * <p>The order of the contributions never matters. Each pattern is a row of its own, and the rows are sorted
 * most specific first; the first that matches a request decides. More specific means, in this order: more
 * literal segments before the first wildcard ({@code /actuator/health/**} before {@code /actuator/**}); more
 * literal segments in all; no wildcard before {@code *} before {@code **}; a named method before any method
 * ({@code GET /api/admin/bills/**} before {@code /api/admin/bills/**}). Two rows that are equally specific,
 * may match one request and grant different roles are refused at start-up, naming both: which one wins would
 * otherwise be an accident. The same row from two features (both sides serve {@code /api/me/**}) is one row.
 */
final class AccessRules {

    /** One row: roles empty means public. */
    record Rule(HttpMethod method, List<String> patterns, List<String> roles) {
        boolean isPublic() {
            return roles.isEmpty();
        }

        boolean matches(HttpMethod requestMethod, String path) {
            return (method == null || method.equals(requestMethod))
                    && patterns.stream().anyMatch(p -> MATCHER.match(p, path));
        }

        String describe() {
            return isPublic() ? "public" : roles.equals(List.of(Roles.PATIENT))
                    ? "patients (their own data)" : "staff with role " + String.join(" or ", roles);
        }

        String pattern() {
            return patterns.get(0);
        }
    }

    /** Not a staff role: what the metrics scrape token is granted, on /actuator/prometheus only. */
    static final String METRICS_SCRAPER = "METRICS_SCRAPER";
    static final String PROMETHEUS = "/actuator/prometheus";
    private static final AntPathMatcher MATCHER = new AntPathMatcher();

    static final Comparator<Rule> MOST_SPECIFIC_FIRST = Comparator
            .comparingInt((Rule rule) -> -literalPrefix(rule.pattern()))
            .thenComparingInt(rule -> -literalSegments(rule.pattern()))
            .thenComparingInt(rule -> wildness(rule.pattern()))
            .thenComparingInt(rule -> rule.method() == null ? 1 : 0);

    private final List<Rule> rules;

    private AccessRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Every feature's rows by bean name (the names only tell a refusal where the rows came from). */
    static AccessRules merge(Map<String, ? extends PathAccess> contributions) {
        record Row(Rule rule, String source) {
        }
        List<Row> rows = new ArrayList<>();
        contributions.forEach((source, contribution) -> {
            for (AccessRule rule : contribution.rules()) {
                HttpMethod method = rule.method() == null ? null : HttpMethod.valueOf(rule.method());
                for (String pattern : rule.patterns()) {
                    Rule row = new Rule(method, List.of(pattern), rule.roles());
                    if (rows.stream().noneMatch(other -> sameAccess(other.rule(), row)
                            && other.rule().pattern().equals(pattern) && Objects.equals(other.rule().method(), method))) {
                        rows.add(new Row(row, source));
                    }
                }
            }
        });
        // ties broken by the text, so the table (and the filter chain) is the same on every start
        rows.sort(Comparator.comparing(Row::rule, MOST_SPECIFIC_FIRST
                .thenComparing(Rule::pattern)
                .thenComparing(rule -> rule.method() == null ? "" : rule.method().name())));
        for (int i = 0; i < rows.size(); i++) {
            Rule a = rows.get(i).rule();
            for (int j = i + 1; j < rows.size() && MOST_SPECIFIC_FIRST.compare(a, rows.get(j).rule()) == 0; j++) {
                Rule b = rows.get(j).rule();
                if (!sameAccess(a, b) && mayOverlap(a, b)) {
                    throw new IllegalStateException("Access rules overlap with different roles and neither is more "
                            + "specific: " + describe(a) + " (" + rows.get(i).source() + ") and " + describe(b)
                            + " (" + rows.get(j).source() + "); make one more specific or give them the same roles");
                }
            }
        }
        return new AccessRules(rows.stream().map(Row::rule).toList());
    }

    /** Most specific first. */
    List<Rule> rules() {
        return rules;
    }

    Rule forEndpoint(HttpMethod method, String path) {
        return rules.stream().filter(rule -> rule.matches(method, path)).findFirst().orElse(null);
    }

    private static boolean sameAccess(Rule a, Rule b) {
        return new HashSet<>(a.roles()).equals(new HashSet<>(b.roles()));
    }

    private static String describe(Rule rule) {
        return (rule.method() == null ? "any method" : rule.method().name()) + " " + rule.pattern() + " → "
                + (rule.isPublic() ? "public" : String.join(",", rule.roles()));
    }

    private static List<String> segments(String pattern) {
        return Arrays.stream(pattern.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean isWild(String segment) {
        return segment.contains("*") || segment.contains("?") || segment.contains("{");
    }

    private static int literalPrefix(String pattern) {
        int literal = 0;
        for (String segment : segments(pattern)) {
            if (isWild(segment)) {
                break;
            }
            literal++;
        }
        return literal;
    }

    private static int literalSegments(String pattern) {
        return (int) segments(pattern).stream().filter(segment -> !isWild(segment)).count();
    }

    /** 0 exact, 1 a segment wildcard, 2 {@code **}. */
    private static int wildness(String pattern) {
        return pattern.contains("**") ? 2 : segments(pattern).stream().anyMatch(AccessRules::isWild) ? 1 : 0;
    }

    /** Whether some request may match both (erring towards yes: a wildcard segment may match anything). */
    static boolean mayOverlap(Rule a, Rule b) {
        return (a.method() == null || b.method() == null || a.method().equals(b.method()))
                && overlap(segments(a.pattern()), 0, segments(b.pattern()), 0);
    }

    private static boolean overlap(List<String> a, int i, List<String> b, int j) {
        if (i == a.size() && j == b.size()) {
            return true;
        }
        if (i < a.size() && a.get(i).equals("**")) {
            return overlap(a, i + 1, b, j) || (j < b.size() && overlap(a, i, b, j + 1));
        }
        if (j < b.size() && b.get(j).equals("**")) {
            return overlap(a, i, b, j + 1) || (i < a.size() && overlap(a, i + 1, b, j));
        }
        if (i == a.size() || j == b.size()) {
            return false;
        }
        boolean segmentsMeet = isWild(a.get(i)) || isWild(b.get(j)) || a.get(i).equals(b.get(j));
        return segmentsMeet && overlap(a, i + 1, b, j + 1);
    }
}
