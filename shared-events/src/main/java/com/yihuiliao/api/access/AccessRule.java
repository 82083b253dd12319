package com.yihuiliao.api.access;

import java.util.List;

/**
 * One row of the access table: an HTTP method ({@code null}: any) and Ant path patterns, open to anyone (no
 * roles) or to callers holding one of the roles. Features contribute rows through {@link PathAccess}; the
 * app merges them, most specific first, and refuses at start-up two rows that would overlap with different
 * roles and neither more specific than the other.
 */
public record AccessRule(String method, List<String> patterns, List<String> roles) {

    public AccessRule {
        patterns = List.copyOf(patterns);
        roles = List.copyOf(roles);
        if (patterns.isEmpty() || patterns.stream().anyMatch(p -> !p.startsWith("/"))) {
            throw new IllegalArgumentException("An access rule needs path patterns starting with '/': " + patterns);
        }
    }

    public static Paths get(String... patterns) {
        return new Paths("GET", List.of(patterns));
    }

    public static Paths post(String... patterns) {
        return new Paths("POST", List.of(patterns));
    }

    public static Paths anyMethod(String... patterns) {
        return new Paths(null, List.of(patterns));
    }

    public boolean isPublic() {
        return roles.isEmpty();
    }

    /** Method and patterns, waiting to be told who may call them. */
    public record Paths(String method, List<String> patterns) {

        public AccessRule open() {
            return new AccessRule(method, patterns, List.of());
        }

        public AccessRule roles(String... roles) {
            return roles(List.of(roles));
        }

        public AccessRule roles(List<String> roles) {
            if (roles.isEmpty()) {
                throw new IllegalArgumentException("No roles: say open() for a public rule");
            }
            return new AccessRule(method, patterns, roles);
        }
    }
}
