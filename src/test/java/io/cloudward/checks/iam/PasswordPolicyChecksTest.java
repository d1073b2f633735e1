package io.cloudward.checks.iam;

import io.cloudward.checks.CheckResult;
import io.cloudward.collect.snapshot.PasswordPolicyFacts;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.cloudward.checks.CheckStatus.FAIL;
import static io.cloudward.checks.CheckStatus.PASS;
import static io.cloudward.checks.Fixtures.assertResult;
import static io.cloudward.checks.Fixtures.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PasswordPolicyChecksTest {

    static PasswordPolicyFacts policy(int length, boolean symbols, boolean numbers, boolean upper, boolean lower,
                                      Optional<Integer> reuse) {
        return PasswordPolicyFacts.of(new PasswordPolicyFacts.Policy(length, symbols, numbers, upper, lower, reuse, Optional.empty()));
    }

    static PasswordPolicyFacts strong() {
        return policy(14, true, true, true, true, Optional.of(24));
    }

    @Nested
    class Exists {
        private final PasswordPolicyExists check = new PasswordPolicyExists();

        @Test
        void passesWithAPolicy() {
            CheckResult result = assertResult(check.evaluate(strong(), context()), PASS, "custom IAM password policy");
            assertEquals("arn:aws:iam::123456789012:account-password-policy", result.resource().id());
        }

        @Test
        void failsWithoutPolicy() {
            assertResult(check.evaluate(PasswordPolicyFacts.none(), context()), FAIL, "no IAM password policy", "8 characters");
        }
    }

    @Nested
    class MinimumLength {
        private final PasswordPolicyMinimumLength check = new PasswordPolicyMinimumLength();

        @Test
        void passesAtFourteen() {
            assertResult(check.evaluate(strong(), context()), PASS, "at least 14 characters");
        }

        @Test
        void failsBelowFourteen() {
            assertResult(check.evaluate(policy(8, true, true, true, true, Optional.of(24)), context()), FAIL,
                    "need only 8 characters under the IAM password policy", "at least 14");
        }

        @Test
        void withoutAPolicyTheAwsDefaultApplies() {
            assertResult(check.evaluate(PasswordPolicyFacts.none(), context()), FAIL, "only 8 characters under the AWS default");
        }

        @Test
        void rejectsANonPositiveLength() {
            assertThrows(IllegalArgumentException.class, () -> policy(0, true, true, true, true, Optional.empty()));
        }
    }

    @Nested
    class Reuse {
        private final PasswordPolicyPreventsReuse check = new PasswordPolicyPreventsReuse();

        @Test
        void passesAtTwentyFour() {
            assertResult(check.evaluate(strong(), context()), PASS, "last 24 passwords");
        }

        @Test
        void failsWhenNotSet() {
            assertResult(check.evaluate(policy(14, true, true, true, true, Optional.empty()), context()), FAIL,
                    "can reuse old passwords", "to 24");
        }

        @Test
        void failsWhenTooFewAreRemembered() {
            assertResult(check.evaluate(policy(14, true, true, true, true, Optional.of(5)), context()), FAIL,
                    "only their last 5 passwords");
        }
    }

    @Nested
    class CharacterClasses {
        private final PasswordPolicyRequiresCharacterClasses check = new PasswordPolicyRequiresCharacterClasses();

        @Test
        void passesWithAllFour() {
            assertResult(check.evaluate(strong(), context()), PASS);
        }

        @Test
        void failsNamingWhatIsMissing() {
            CheckResult result = assertResult(check.evaluate(policy(14, false, true, true, false, Optional.of(24)), context()),
                    FAIL, "does not require lower-case letters and symbols");
            assertEquals(List.of("lower-case letters", "symbols"), result.evidence().get("notRequired"));
        }

        @Test
        void failsWithoutPolicy() {
            assertResult(check.evaluate(PasswordPolicyFacts.none(), context()), FAIL, "three out of four");
        }
    }
}
