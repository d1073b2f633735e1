package io.cloudward.checks.guardduty;

/** GuardDuty RDS Protection profiles database logins to spot brute force and access from unusual places. */
public final class GuardDutyRdsProtectionEnabled extends GuardDutyFeatureCheck {

    public GuardDutyRdsProtectionEnabled() {
        super("RDS Protection", "login activity on your Aurora and RDS databases", "RDS_LOGIN_EVENTS");
    }
}
