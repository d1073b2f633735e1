package io.cloudward.alerts;

import io.cloudward.integrations.OutboundHttp;
import io.cloudward.integrations.OutboundPolicy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Collection;

/**
 * The outcome of one delivery attempt, classified for retry: 2xx delivered; 429, 5xx, timeouts and
 * connection failures retried; other 4xx rejected (no retry); a refused address never retried.
 */
public record Attempt(Outcome outcome, Integer httpStatus, long latencyMs, String excerpt, String retryAfter) {
    public static final int EXCERPT_MAX = 2048;

    public enum Outcome {
        DELIVERED, RETRY, REJECTED, REFUSED, FAILED;

        public boolean retryable() {
            return this == RETRY;
        }
    }

    public static Attempt of(OutboundHttp.Reply reply, Collection<String> secrets) {
        int s = reply.status();
        Outcome outcome = s >= 200 && s < 300 ? Outcome.DELIVERED
                : s == 429 || s >= 500 || s == 408 ? Outcome.RETRY : Outcome.REJECTED;
        return new Attempt(outcome, s, reply.latencyMs(), sanitize(reply.body(), secrets), reply.retryAfter());
    }

    public static Attempt of(Exception e, long latencyMs, Collection<String> secrets) {
        Outcome outcome = e instanceof OutboundPolicy.Refused ? Outcome.REFUSED
                : e instanceof SocketTimeoutException || e instanceof IOException ? Outcome.RETRY : Outcome.FAILED;
        String what = e instanceof OutboundPolicy.Refused ? "refused: " + e.getMessage()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new Attempt(outcome, null, latencyMs, sanitize(what, secrets), null);
    }

    /** No secrets, no control characters, at most 2 KB: it is shown in the delivery log. */
    static String sanitize(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String clean = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                clean = clean.replace(secret, "••••");
            }
        }
        clean = clean.replaceAll("[\\p{Cntrl}&&[^\n\t]]", "");
        if (clean.length() > EXCERPT_MAX) {
            clean = clean.substring(0, EXCERPT_MAX - 1) + "…";
        }
        return clean;
    }
}
