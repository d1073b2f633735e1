package io.cloudward.checks;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The words and numbers around a check, kept as data in {@code checks/metadata.json}.
 *
 * @param id          the check id this entry belongs to
 * @param title       what the check expects, phrased as the good state
 * @param severity    severity of a FAIL without a variant
 * @param category    the area it belongs to
 * @param risk        why it matters, for the person reading the finding
 * @param remediation how to fix it
 * @param references  AWS documentation
 * @param compliance  CIS AWS Foundations and AWS FSBP controls it maps to, where they exist
 * @param variants    severities of named variants (e.g. EXPOSED) that replace the base severity
 */
public record CheckMetadata(String id, String title, Severity severity, Category category, String risk,
                            Remediation remediation, List<String> references, Compliance compliance,
                            Map<String, Severity> variants) {

    public CheckMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(remediation, "remediation");
        Objects.requireNonNull(compliance, "compliance");
        references = List.copyOf(references);
        variants = Map.copyOf(variants);
    }

    /** The severity of a result: its variant's severity if it has one, the base severity otherwise. */
    public Severity severityFor(String variant) {
        if (variant == null) {
            return severity;
        }
        Severity severityOfVariant = variants.get(variant);
        if (severityOfVariant == null) {
            throw new IllegalArgumentException("Check " + id + " has no variant '" + variant + "' in its metadata");
        }
        return severityOfVariant;
    }

    /**
     * @param text    the fix in a sentence or two
     * @param console steps in the AWS console
     * @param cli     an AWS CLI command with placeholders in angle brackets, where the fix can be scripted
     */
    public record Remediation(String text, List<String> console, Optional<String> cli) {
        public Remediation {
            console = List.copyOf(console);
            Objects.requireNonNull(cli, "cli");
        }
    }

    /**
     * @param cis  CIS AWS Foundations Benchmark recommendation ids, e.g. "CIS 3.1"
     * @param fsbp AWS Security Hub control ids as used by AWS Foundational Security Best Practices, e.g.
     *             "GuardDuty.1"; a few (EC2.14, CloudTrail.6, IAM.9) come from Security Hub's CIS standards
     */
    public record Compliance(List<String> cis, List<String> fsbp) {
        public Compliance {
            cis = List.copyOf(cis);
            fsbp = List.copyOf(fsbp);
        }
    }
}
