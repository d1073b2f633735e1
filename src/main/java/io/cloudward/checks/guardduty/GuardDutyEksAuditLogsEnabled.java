package io.cloudward.checks.guardduty;

/** GuardDuty EKS Audit Log Monitoring analyses Kubernetes API activity of EKS clusters. */
public final class GuardDutyEksAuditLogsEnabled extends GuardDutyFeatureCheck {

    public GuardDutyEksAuditLogsEnabled() {
        super("EKS Audit Log Monitoring", "the Kubernetes audit logs of your EKS clusters", "EKS_AUDIT_LOGS");
    }
}
