package io.cloudward.checks.events;

import io.cloudward.checks.Phrases;
import io.cloudward.checks.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns one CloudTrail event into the signals it carries: a watched management event, root activity,
 * a console sign-in without MFA, or nothing. One event can carry several (root signing in without MFA).
 */
public final class TrailEventClassifier {

    private static final Set<String> PASSWORD_USERS = Set.of("IAMUser", "Root");

    private TrailEventClassifier() {
    }

    public static List<EventSignal> classify(TrailEvent event) {
        List<EventSignal> signals = new ArrayList<>();
        WatchedEvents.match(event).ifPresent(watched -> signals.add(watchedSignal(event, watched)));
        if (isRootActivity(event)) {
            signals.add(new EventSignal(EventKind.ROOT_ACTIVITY, Severity.HIGH, event.eventName(),
                    "The root user " + (event.succeeded() ? "called " : "tried to call ") + event.eventName()
                            + " (" + event.eventSource() + ")" + where(event)
                            + ". Root should be used only for the few tasks that need it: confirm who did this."));
        }
        if (isConsoleLoginWithoutMfa(event)) {
            boolean root = event.userIdentityType().equals("Root");
            signals.add(new EventSignal(EventKind.CONSOLE_LOGIN_WITHOUT_MFA, root ? Severity.CRITICAL : Severity.HIGH,
                    event.eventName(), (root ? "The root user" : "IAM user " + event.actor())
                    + " signed in to the AWS console without MFA" + where(event)
                    + ". Confirm it was them and assign an MFA device."));
        }
        return List.copyOf(signals);
    }

    /** Root acting itself: not an AWS service acting on root's behalf, and not a service event. */
    static boolean isRootActivity(TrailEvent event) {
        return event.userIdentityType().equals("Root") && event.invokedBy().isEmpty()
                && !event.eventType().filter("AwsServiceEvent"::equals).isPresent();
    }

    /**
     * A successful ConsoleLogin of an IAM user or root without MFA. Federated and Identity Center sign-ins are
     * left out: their MFA happens at the identity provider, so CloudTrail reports MFAUsed=No for them.
     */
    static boolean isConsoleLoginWithoutMfa(TrailEvent event) {
        return event.eventName().equals("ConsoleLogin") && PASSWORD_USERS.contains(event.userIdentityType())
                && event.consoleLoginResult().filter("Success"::equals).isPresent()
                && !event.mfaUsed().filter("Yes"::equals).isPresent();
    }

    /**
     * A failed call (for instance AccessDenied) changed nothing, but someone tried: it is reported one band
     * lower, never below LOW.
     */
    private static EventSignal watchedSignal(TrailEvent event, WatchedEvent watched) {
        Severity severity = event.succeeded() ? watched.severity() : watched.severity().oneBandLower();
        String verb = event.succeeded() ? " called " : " tried to call ";
        String outcome = event.succeeded() ? "" : " (it failed with " + event.errorCode().get() + ")";
        return new EventSignal(watched.kind(), severity, event.eventName(), event.actor() + verb + event.eventName()
                + ", which " + watched.effect() + outcome + where(event) + ".");
    }

    private static String where(TrailEvent event) {
        return event.sourceIpAddress().map(ip -> " from " + ip).orElse("") + " in " + event.awsRegion()
                + event.eventTime().map(time -> " at " + Phrases.minute(time)).orElse("");
    }
}
