package io.cloudward.sandbox.identity;

/**
 * Who signed a request: the hub user, or a session of an assumed role (then {@code roleName} and
 * {@code sessionName} are set and the calls belong to the role's account).
 */
public record Principal(String accountId, String arn, String userId, String roleName, String sessionName) {

    public boolean assumedRole() {
        return roleName != null;
    }
}
