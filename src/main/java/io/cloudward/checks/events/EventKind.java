package io.cloudward.checks.events;

/** Why a CloudTrail event deserves attention. */
public enum EventKind {
    /** Blinds the watcher: stops or weakens logging, detection or protection. */
    DEFENCE_EVASION,
    /** Destroys resources or the means to recover them. */
    DESTRUCTION,
    /** Anything done as the root user. */
    ROOT_ACTIVITY,
    /** A successful console sign-in of an IAM or root user without MFA. */
    CONSOLE_LOGIN_WITHOUT_MFA
}
