package io.cloudward.checks;

/**
 * The verdict on one resource. NOT_APPLICABLE and INFO are not scored, but like PASS they resolve an
 * earlier FAIL on the same resource, which is why a check always answers for every resource it is given.
 */
public enum CheckStatus {
    /** The resource meets the expectation. */
    PASS,
    /** The resource falls short; the sentence says what to change. */
    FAIL,
    /** The question does not arise for this resource (e.g. MFA for a user without a console password). */
    NOT_APPLICABLE,
    /** Worth showing, but the facts are not enough to pass or fail (e.g. a Config rule with insufficient data). */
    INFO
}
