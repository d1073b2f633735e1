package io.cloudward.accounts;

/**
 * One step of verifying a role, as shown to the customer.
 *
 * @param name    e.g. {@code assume-role}
 * @param title   what was checked, in words
 * @param outcome PASSED, FAILED, WARNING or SKIPPED
 * @param detail  what was found, and the fix when something is wrong
 */
public record VerificationStep(String name, String title, Outcome outcome, String detail) {

    public enum Outcome { PASSED, WARNING, FAILED, SKIPPED }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
