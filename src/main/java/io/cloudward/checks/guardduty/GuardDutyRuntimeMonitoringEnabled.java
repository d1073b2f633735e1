package io.cloudward.checks.guardduty;

/** GuardDuty Runtime Monitoring (or its predecessor EKS Runtime Monitoring) watches workloads from the inside. */
public final class GuardDutyRuntimeMonitoringEnabled extends GuardDutyFeatureCheck {

    public GuardDutyRuntimeMonitoringEnabled() {
        super("Runtime Monitoring", "processes, files and network activity inside EC2 instances, EKS clusters and ECS tasks", "RUNTIME_MONITORING", "EKS_RUNTIME_MONITORING");
    }
}
