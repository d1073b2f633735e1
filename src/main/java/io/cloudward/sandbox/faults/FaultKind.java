package io.cloudward.sandbox.faults;

/** What an injected fault does to a matching call. */
public enum FaultKind {
    /** Answers normally after {@code millis} more milliseconds. */
    LATENCY,
    /** Answers with the protocol's throttling error. */
    THROTTLE,
    /** Answers with a 500 (or {@code status} 503) server error. */
    SERVER_ERROR,
    /** Answers AccessDenied for the operation's IAM action, as a missing permission would. */
    ACCESS_DENIED,
    /** Answers as AWS answers in an opt-in region the account has not enabled. */
    REGION_DISABLED,
    /** Closes the connection without answering. */
    DROP_CONNECTION,
    /** Holds the request for {@code millis}, then closes the connection without answering. */
    TIMEOUT
}
