package io.cloudward.integrations;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP Basic credentials (Jira: e-mail and API token; ServiceNow: user and password). */
public final class BasicAuth {
    private BasicAuth() {
    }

    public static String header(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A base URL and a path, without a doubled slash. */
    public static String join(String base, String path) {
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
