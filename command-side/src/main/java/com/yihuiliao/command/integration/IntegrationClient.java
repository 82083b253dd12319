package com.yihuiliao.command.integration;

/** The machine client a verified integration request came from: the principal of its authentication. */
public record IntegrationClient(String clientId, IntegrationSystem system) {

    /** The role the access table grants integration clients (never a staff or patient token's). */
    public static final String ROLE = "INTEGRATION";

    /** Who pushed something, as recorded with it: {@code integration:<clientId>}. */
    public String actor() {
        return "integration:" + clientId;
    }
}
