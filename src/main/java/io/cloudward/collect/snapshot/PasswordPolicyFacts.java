package io.cloudward.collect.snapshot;

import java.util.Optional;

/**
 * IAM GetAccountPasswordPolicy.
 *
 * @param policy the policy, empty when IAM answered NoSuchEntity (the account uses AWS defaults)
 */
public record PasswordPolicyFacts(Optional<Policy> policy) {

    public PasswordPolicyFacts {
        Facts.present(policy, "password policy");
    }

    public static PasswordPolicyFacts none() {
        return new PasswordPolicyFacts(Optional.empty());
    }

    public static PasswordPolicyFacts of(Policy policy) {
        return new PasswordPolicyFacts(Optional.of(policy));
    }

    /**
     * @param minimumLength        MinimumPasswordLength
     * @param requireSymbols       RequireSymbols
     * @param requireNumbers       RequireNumbers
     * @param requireUppercase     RequireUppercaseCharacters
     * @param requireLowercase     RequireLowercaseCharacters
     * @param reusePrevention      PasswordReusePrevention, empty when not set
     * @param maxPasswordAgeDays   MaxPasswordAge, empty when passwords do not expire
     */
    public record Policy(int minimumLength, boolean requireSymbols, boolean requireNumbers, boolean requireUppercase,
                         boolean requireLowercase, Optional<Integer> reusePrevention,
                         Optional<Integer> maxPasswordAgeDays) {
        public Policy {
            Facts.atLeast(minimumLength, 1, "MinimumPasswordLength");
            Facts.present(reusePrevention, "PasswordReusePrevention");
            Facts.present(maxPasswordAgeDays, "MaxPasswordAge");
        }
    }
}
