package io.cloudward.checks.events;

import io.cloudward.checks.Severity;

import java.util.Map;

/**
 * A management event worth an alert on its own.
 *
 * @param eventSource        the service, e.g. guardduty.amazonaws.com
 * @param eventName          the API action, e.g. UpdateDetector
 * @param requiredParameters request parameters that must match for the event to count, e.g. enable=false
 * @param kind               why it matters
 * @param severity           how urgent a successful call is
 * @param effect             what the call does, completing "… called UpdateDetector, which …"
 */
public record WatchedEvent(String eventSource, String eventName, Map<String, String> requiredParameters,
                           EventKind kind, Severity severity, String effect) {

    public WatchedEvent {
        requiredParameters = Map.copyOf(requiredParameters);
    }

    public boolean matches(TrailEvent event) {
        return event.eventSource().equals(eventSource) && event.eventName().equals(eventName)
                && requiredParameters.entrySet().stream()
                .allMatch(required -> required.getValue().equalsIgnoreCase(event.requestParameters().get(required.getKey())));
    }
}
