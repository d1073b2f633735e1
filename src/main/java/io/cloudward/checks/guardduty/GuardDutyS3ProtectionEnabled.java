package io.cloudward.checks.guardduty;

/** GuardDuty S3 Protection watches S3 data events for suspicious access to buckets. */
public final class GuardDutyS3ProtectionEnabled extends GuardDutyFeatureCheck {

    public GuardDutyS3ProtectionEnabled() {
        super("S3 Protection", "data events on your S3 buckets (exfiltration, unusual access, disabled logging)", "S3_DATA_EVENTS");
    }
}
