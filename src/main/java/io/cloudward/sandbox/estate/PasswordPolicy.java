package io.cloudward.sandbox.estate;

/** The account password policy; absent in an account that never set one. */
public record PasswordPolicy(Integer minimumPasswordLength, boolean requireSymbols, boolean requireNumbers,
                             boolean requireUppercaseCharacters, boolean requireLowercaseCharacters,
                             Boolean allowUsersToChangePassword, Integer maxPasswordAge,
                             Integer passwordReusePrevention, boolean hardExpiry) {

    public PasswordPolicy {
        minimumPasswordLength = minimumPasswordLength == null ? 8 : minimumPasswordLength;
        allowUsersToChangePassword = allowUsersToChangePassword == null || allowUsersToChangePassword;
    }
}
