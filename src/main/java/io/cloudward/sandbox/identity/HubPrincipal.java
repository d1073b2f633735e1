package io.cloudward.sandbox.identity;

import java.util.List;

/**
 * The identity Cloudward runs as: an IAM user in the hub account with long-term keys, allowed to assume
 * customer roles and nothing else.
 */
public record HubPrincipal(String accountId, String userName, String accessKeyId, String secretAccessKey,
                           List<String> allowedActions) {

    /** Fixed, well-known credentials for the local run and the tests; they open nothing but the sandbox. */
    public static final HubPrincipal DEFAULT = new HubPrincipal("999999999999", "cloudward-hub",
            "AKIACLOUDWARDHUB0001", "cloudwardSandboxHubSecretAccessKey000001", List.of("sts:AssumeRole"));

    public HubPrincipal {
        if (accountId == null || !accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("hub account id must have 12 digits");
        }
        if (accessKeyId == null || !accessKeyId.matches("AKIA[A-Z0-9]{16}")) {
            throw new IllegalArgumentException("hub access key id must look like AKIA + 16 upper-case characters");
        }
        if (secretAccessKey == null || secretAccessKey.length() != 40) {
            throw new IllegalArgumentException("hub secret access key must have 40 characters");
        }
        allowedActions = List.copyOf(allowedActions);
    }

    public String arn() {
        return "arn:aws:iam::" + accountId + ":user/" + userName;
    }

    /** The account root ARN, which a trust policy names to trust every principal of the hub account. */
    public String accountRootArn() {
        return "arn:aws:iam::" + accountId + ":root";
    }

    public Principal principal() {
        return new Principal(accountId, arn(), "AIDA" + accessKeyId.substring(4), null, null);
    }
}
