package io.cloudward.sandbox.estate;

import io.cloudward.sandbox.identity.ActionPatterns;
import java.util.Collection;
import java.util.List;

/**
 * An IAM role a customer created for Cloudward.
 *
 * @param name               role name, e.g. {@code CloudwardSecurityAudit}
 * @param externalId         the ExternalId its trust policy demands; {@code null} means the trust policy
 *                           has no ExternalId condition (the confused-deputy mistake Cloudward must spot)
 * @param trustedPrincipals  principals the trust policy names: {@code hub} (the hub user),
 *                           {@code hub-account} (the hub account root) or any IAM ARN
 * @param maxSessionDuration longest session in seconds (3600–43200)
 * @param allowedActions     IAM action patterns its permission policies allow, e.g. {@code guardduty:List*};
 *                           {@code null} for a role deployed from Cloudward's template, whose actions the
 *                           {@link Estate} reads from that template ({@link CloudwardRoleTemplate})
 * @param deniedActions      IAM action patterns its permission policies deny; a deny wins
 */
public record Role(String name, String externalId, List<String> trustedPrincipals, Integer maxSessionDuration,
                   List<String> allowedActions, List<String> deniedActions) {

    public static final String HUB = "hub";
    public static final String HUB_ACCOUNT = "hub-account";

    public Role {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a role needs a name");
        }
        trustedPrincipals = trustedPrincipals == null ? List.of(HUB) : List.copyOf(trustedPrincipals);
        maxSessionDuration = maxSessionDuration == null ? 3600 : maxSessionDuration;
        if (maxSessionDuration < 3600 || maxSessionDuration > 43200) {
            throw new IllegalArgumentException("maxSessionDuration of role " + name + " must be 3600–43200");
        }
        allowedActions = allowedActions == null ? null : List.copyOf(allowedActions);
        deniedActions = Lists.orEmpty(deniedActions);
    }

    /** A role deployed from Cloudward's template: trusting the hub, permissions from the template. */
    public static Role fromCloudwardTemplate(String name, String externalId) {
        return new Role(name, externalId, List.of(HUB), null, null, null);
    }

    public String arn(String accountId) {
        return "arn:aws:iam::" + accountId + ":role/" + name;
    }

    /** Whether its policies let it call {@code action} ({@code service:Action}). */
    public boolean permits(String action) {
        if (allowedActions == null) {
            throw new IllegalStateException("role " + name + " has not got its template's permissions yet");
        }
        return ActionPatterns.allows(allowedActions, action) && !ActionPatterns.allows(deniedActions, action);
    }

    public Role withExternalId(String id) {
        return new Role(name, id, trustedPrincipals, maxSessionDuration, allowedActions, deniedActions);
    }

    public Role withTrustedPrincipals(List<String> principals) {
        return new Role(name, externalId, principals, maxSessionDuration, allowedActions, deniedActions);
    }

    public Role withMaxSessionDuration(int seconds) {
        return new Role(name, externalId, trustedPrincipals, seconds, allowedActions, deniedActions);
    }

    /** @param allowed {@code null} keeps (or makes) it a role whose allowed actions are the template's */
    public Role withPermissions(Collection<String> allowed, Collection<String> denied) {
        return new Role(name, externalId, trustedPrincipals, maxSessionDuration,
                allowed == null ? null : List.copyOf(allowed), List.copyOf(denied));
    }
}
