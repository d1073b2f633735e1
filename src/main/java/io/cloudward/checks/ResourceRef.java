package io.cloudward.checks;

import java.util.Objects;

/**
 * What a result is about. The id is stable across scans (an ARN where one exists) so that the findings
 * store can match today's result with yesterday's. Region-wide and account-wide questions ("is GuardDuty on
 * in eu-west-3?") are about the account in that region, never about a detector id that may not exist yet.
 */
public record ResourceRef(String type, String id, String region, String accountId) {

    /** Region of account-wide resources such as IAM users or the account itself. */
    public static final String GLOBAL = "global";
    public static final String ACCOUNT_TYPE = "AwsAccount";

    public ResourceRef {
        requireText(type, "type");
        requireText(id, "id");
        requireText(region, "region");
        requireText(accountId, "accountId");
    }

    public static ResourceRef of(String type, String id, String region, String accountId) {
        return new ResourceRef(type, id, region, accountId);
    }

    /** The account as a whole, e.g. for "a multi-region trail exists". */
    public static ResourceRef account(String accountId) {
        return new ResourceRef(ACCOUNT_TYPE, accountIdentifier(accountId), GLOBAL, accountId);
    }

    /** The account within one region, e.g. for "GuardDuty is enabled in eu-west-3". */
    public static ResourceRef accountRegion(String accountId, String region) {
        return new ResourceRef(ACCOUNT_TYPE, accountIdentifier(accountId), region, accountId);
    }

    private static String accountIdentifier(String accountId) {
        return "AWS::::Account:" + Objects.requireNonNull(accountId, "accountId");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A resource needs a non-blank " + name);
        }
    }
}
