package io.cloudward.collect.snapshot;

/**
 * What verifying Cloudward's own role found about its trust policy (onboarding, re-verification).
 *
 * @param roleArn   the customer's role Cloudward assumes
 * @param trustOpen true when AssumeRole succeeded without the ExternalId
 */
public record CloudwardRoleTrust(String roleArn, boolean trustOpen) {

    public CloudwardRoleTrust {
        Facts.text(roleArn, "role ARN");
    }
}
