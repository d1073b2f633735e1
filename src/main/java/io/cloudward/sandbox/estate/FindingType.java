package io.cloudward.sandbox.estate;

/**
 * A GuardDuty finding type with the severity, resource and action GuardDuty reports for it.
 * Titles and descriptions use {@code %s} for the resource (instance id, user name or bucket).
 */
public record FindingType(String name, double severity, String resourceType, String actionType, String api,
                          String serviceName, Integer port, String domain, String title, String description) {

    public String title(String subject) {
        return title.formatted(subject);
    }

    public String description(String subject) {
        return description.formatted(subject);
    }
}
