package io.cloudward.checks.events;

import io.cloudward.checks.Severity;

import java.util.Objects;

/**
 * What one CloudTrail event means for security.
 *
 * @param kind      why it matters
 * @param severity  how urgent it is
 * @param eventName the API action
 * @param sentence  who did what, from where, and what it does, for a person to act on
 */
public record EventSignal(EventKind kind, Severity severity, String eventName, String sentence) {

    public EventSignal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(sentence, "sentence");
    }
}
