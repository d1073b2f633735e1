package io.cloudward.onboarding;

import io.cloudward.accounts.AccountStatus;
import io.cloudward.accounts.CapabilityState;
import io.cloudward.accounts.VerificationStep;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What verifying a role found.
 *
 * @param steps          every step with its outcome, in order
 * @param failure        why the role cannot be used at all (AssumeRole refused, wrong account, STS
 *                       throttling); empty when it can
 * @param trustOpen      the role can be assumed without the ExternalId (confused deputy)
 * @param enabledRegions regions enabled in the account
 * @param capabilities   capability name → permission probe result
 */
public record Verification(List<VerificationStep> steps, Optional<Failure> failure, boolean trustOpen,
                           List<String> enabledRegions, Map<String, CapabilityState> capabilities) {

    /** Why the role is unusable; {@code retryable} failures (throttling, AWS outages) are worth a retry. */
    public record Failure(String code, String message, boolean retryable) {
    }

    public boolean usable() {
        return failure.isEmpty();
    }

    /** CONNECTED when every capability is granted, DEGRADED when some are not, FAILING when unusable. */
    public AccountStatus status() {
        if (failure.isPresent()) {
            return AccountStatus.FAILING;
        }
        return capabilities.values().stream().allMatch(CapabilityState::granted)
                ? AccountStatus.CONNECTED : AccountStatus.DEGRADED;
    }

    /** One line for the account's status: the failure, or the missing actions. */
    public String statusDetail() {
        if (failure.isPresent()) {
            return failure.get().message();
        }
        List<String> missing = capabilities.values().stream().flatMap(c -> c.missingActions().stream()).sorted().toList();
        List<String> errors = capabilities.entrySet().stream().filter(e -> e.getValue().error() != null)
                .map(e -> e.getKey() + ": " + e.getValue().error()).toList();
        if (missing.isEmpty() && errors.isEmpty()) {
            return null;
        }
        String text = missing.isEmpty() ? "" : "Missing IAM permissions: " + String.join(", ", missing)
                + ". Update the stack to the current template.";
        return errors.isEmpty() ? text : (text + " Could not check: " + String.join("; ", errors)).strip();
    }
}
