package io.cloudward.integrations;

import java.util.List;
import java.util.Optional;

/**
 * The kinds of alert destination and the settings each takes. Secret settings are encrypted at rest and
 * shown masked; URL settings must pass {@link OutboundPolicy}.
 */
public enum DestinationKind {
    WEBHOOK(false, List.of(Setting.url("url", true, null), Setting.secret("signingSecret", false))),
    SLACK(false, List.of(Setting.secretUrl("webhookUrl"))),
    TEAMS(false, List.of(Setting.secretUrl("webhookUrl"))),
    PAGERDUTY(true, List.of(Setting.url("eventsUrl", false, "https://events.pagerduty.com/v2/enqueue"),
            Setting.secret("routingKey", true))),
    JIRA(true, List.of(Setting.url("baseUrl", true, null), Setting.plain("email", true, null), Setting.secret("apiToken", true),
            Setting.plain("projectKey", true, null), Setting.plain("issueType", false, "Task"),
            Setting.plain("resolveTransitionId", false, null), Setting.plain("reopenTransitionId", false, null))),
    SERVICENOW(true, List.of(Setting.url("instanceUrl", true, null), Setting.plain("username", true, null),
            Setting.secret("password", true), Setting.plain("closeCode", false, "Solved (Permanently)"),
            Setting.plain("assignmentGroup", false, null)));

    /**
     * One setting of a destination kind.
     *
     * @param url when set, the value is an outbound URL
     */
    public record Setting(String name, boolean secret, boolean required, boolean url, String defaultValue) {
        static Setting plain(String name, boolean required, String defaultValue) {
            return new Setting(name, false, required, false, defaultValue);
        }

        static Setting url(String name, boolean required, String defaultValue) {
            return new Setting(name, false, required, true, defaultValue);
        }

        static Setting secret(String name, boolean required) {
            return new Setting(name, true, required, false, null);
        }

        /** Slack and Teams webhook URLs carry their key in the path: they are secrets. */
        static Setting secretUrl(String name) {
            return new Setting(name, true, true, true, null);
        }
    }

    private final boolean ticketing;
    private final List<Setting> settings;

    DestinationKind(boolean ticketing, List<Setting> settings) {
        this.ticketing = ticketing;
        this.settings = settings;
    }

    /** Ticketing kinds keep one ticket per finding or incident and follow its lifecycle; they take no digests. */
    public boolean ticketing() {
        return ticketing;
    }

    public List<Setting> settings() {
        return settings;
    }

    public Optional<Setting> setting(String name) {
        return settings.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
