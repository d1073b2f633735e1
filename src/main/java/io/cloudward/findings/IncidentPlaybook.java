package io.cloudward.findings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What to do about an incident, in order: contain the identity, restore the watcher, protect recovery — the
 * Code Spaces lesson. Steps follow the kinds of events in its timeline, so an incident without destruction does
 * not send anyone to check backups first.
 */
public final class IncidentPlaybook {
    private IncidentPlaybook() {
    }

    public static List<String> recommendedActions(IncidentView incident) {
        Set<String> kinds = new LinkedHashSet<>();
        for (FindingView f : incident.timeline()) {
            kinds.add(f.origin().equals(Origin.GUARDDUTY.name()) ? "GUARDDUTY" : f.checkId().split(":", 2)[0]);
        }
        List<String> steps = new ArrayList<>();
        steps.add("Contain: in account " + incident.accountId() + ", deactivate the access keys and console passwords of the"
                + " principals in the timeline and revoke the active sessions of any roles they assumed.");
        if (kinds.contains("ROOT_ACTIVITY")) {
            steps.add("Secure the root user: change its password, enable MFA, delete any root access keys.");
        }
        if (kinds.contains("CONSOLE_LOGIN_WITHOUT_MFA")) {
            steps.add("Require MFA for every console user who signed in without it.");
        }
        if (kinds.contains("GUARDDUTY")) {
            steps.add("Investigate the GuardDuty findings in the timeline: isolate affected instances (quarantine security"
                    + " group), snapshot their volumes for forensics.");
        }
        if (kinds.contains("DEFENCE_EVASION")) {
            steps.add("Restore the watcher: turn CloudTrail logging and GuardDuty detectors back on wherever they were"
                    + " stopped or changed, and review who may change them.");
        }
        if (kinds.contains("DESTRUCTION")) {
            steps.add("Protect recovery: check what was deleted, restore from recovery points held in another account,"
                    + " and lock the remaining backup vaults (Vault Lock).");
        }
        steps.add("Review all CloudTrail activity of those principals from " + incident.firstEventAt()
                + " onwards, then resolve the incident.");
        return List.copyOf(steps);
    }
}
