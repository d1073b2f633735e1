package io.cloudward.collect.snapshot;

import java.util.Optional;

/**
 * One AWS Config rule's compliance from DescribeComplianceByConfigRule.
 *
 * @param region                     the rule's region
 * @param ruleName                   ConfigRuleName
 * @param compliance                 Compliance.ComplianceType
 * @param nonCompliantResourceCount  Compliance.ComplianceContributorCount.CappedCount when reported
 * @param countCapped                ComplianceContributorCount.CapExceeded (the real count is higher)
 */
public record ConfigRuleCompliance(String region, String ruleName, ComplianceType compliance,
                                   Optional<Integer> nonCompliantResourceCount, boolean countCapped) {

    public ConfigRuleCompliance {
        Facts.text(region, "Config rule region");
        Facts.text(ruleName, "Config rule name");
        Facts.present(compliance, "Config rule compliance");
        Facts.present(nonCompliantResourceCount, "non-compliant resource count");
    }

    public enum ComplianceType {
        COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, INSUFFICIENT_DATA;

        /** Parses the API value, e.g. "NON_COMPLIANT". */
        public static ComplianceType fromApi(String value) {
            return valueOf(Facts.text(value, "ComplianceType"));
        }
    }
}
