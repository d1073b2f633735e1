package io.cloudward.accounts;

import java.util.List;

/**
 * What the permission probe learnt about one capability of an account.
 *
 * @param granted        true when every action of the capability was allowed
 * @param missingActions the IAM actions AWS refused, e.g. {@code backup:ListBackupPlans}
 * @param error          an AWS error that was not a permission problem (the capability is then unknown)
 */
public record CapabilityState(boolean granted, List<String> missingActions, String error) {

    public CapabilityState {
        missingActions = missingActions == null ? List.of() : List.copyOf(missingActions);
    }

    public static CapabilityState ok() {
        return new CapabilityState(true, List.of(), null);
    }
}
