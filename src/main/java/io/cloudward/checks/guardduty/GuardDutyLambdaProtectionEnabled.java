package io.cloudward.checks.guardduty;

/** GuardDuty Lambda Protection watches the network activity of Lambda functions. */
public final class GuardDutyLambdaProtectionEnabled extends GuardDutyFeatureCheck {

    public GuardDutyLambdaProtectionEnabled() {
        super("Lambda Protection", "the network activity of your Lambda functions (crypto-mining, calls to known-bad hosts)", "LAMBDA_NETWORK_LOGS");
    }
}
