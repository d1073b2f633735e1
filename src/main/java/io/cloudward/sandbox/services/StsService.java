package io.cloudward.sandbox.services;

import io.cloudward.sandbox.estate.Role;
import io.cloudward.sandbox.estate.Rng;
import io.cloudward.sandbox.identity.Credential;
import io.cloudward.sandbox.identity.HubPrincipal;
import io.cloudward.sandbox.identity.Principal;
import io.cloudward.sandbox.protocol.AwsError;
import io.cloudward.sandbox.protocol.Protocol;
import io.cloudward.sandbox.protocol.QueryParams;
import io.cloudward.sandbox.protocol.QueryResponses;
import io.cloudward.sandbox.protocol.Response;
import io.cloudward.sandbox.protocol.Timestamps;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STS: AssumeRole as AWS decides it (the role must exist, its trust policy must name the caller and,
 * when it has an ExternalId condition, the ExternalId must match; every refusal is the same
 * {@code AccessDenied}) and GetCallerIdentity.
 */
public final class StsService extends QueryService {

    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]+)");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final int CHAINED_SESSION_LIMIT = 3600;

    private final ServiceContext context;

    public StsService(ServiceContext context) {
        this.context = context;
        register(Operation.of("sts", "AssumeRole", Protocol.QUERY, this::assumeRole)
                .on(call -> call.request().form().get("RoleArn"))
                .inAccount(StsService::targetAccount));
        register(Operation.of("sts", "GetCallerIdentity", Protocol.QUERY, this::getCallerIdentity));
    }

    @Override
    public String signingName() {
        return "sts";
    }

    @Override
    public String xmlNamespace() {
        return NAMESPACE;
    }

    private Response getCallerIdentity(Call call) {
        Principal principal = call.principal();
        return QueryResponses.query("GetCallerIdentity", NAMESPACE, call.requestId(), xml -> xml
                .element("Arn", principal.arn())
                .element("UserId", principal.userId())
                .element("Account", principal.accountId()));
    }

    private Response assumeRole(Call call) {
        QueryParams params = call.request().form();
        String roleArn = required(params, "RoleArn", "roleArn");
        String sessionName = required(params, "RoleSessionName", "roleSessionName");
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw validation("Value '" + sessionName + "' at 'roleSessionName' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }
        String externalId = params.get("ExternalId");
        if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
            throw validation("Value '" + externalId + "' at 'externalId' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [\\w+=,.@:/-]* and have length 2-1224");
        }
        Integer requested = params.integer("DurationSeconds", "ValidationError");
        int duration = requested == null ? 3600 : requested;
        if (duration < 900 || duration > 43200) {
            throw validation("Value '" + duration + "' at 'durationSeconds' failed to satisfy constraint: "
                    + "Member must have value " + (duration < 900 ? "greater than or equal to 900" : "less than or equal to 43200"));
        }
        Matcher arn = ROLE_ARN.matcher(roleArn);
        if (!arn.matches()) {
            throw validation("Value '" + roleArn + "' at 'roleArn' failed to satisfy constraint: "
                    + "Member must satisfy the IAM role ARN format");
        }
        String accountId = arn.group(1);
        String roleName = arn.group(2);
        Principal caller = call.principal();
        Role role = context.estate().role(accountId, roleName)
                .filter(candidate -> trusts(candidate, caller))
                .filter(candidate -> candidate.externalId() == null || candidate.externalId().equals(externalId))
                .orElseThrow(() -> new AwsError("AccessDenied", 403, "User: " + caller.arn()
                        + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn));
        if (duration > role.maxSessionDuration()) {
            throw validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        if (caller.assumedRole() && duration > CHAINED_SESSION_LIMIT) {
            throw validation("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by "
                    + "role chaining.");
        }
        String roleId = "AROA" + Rng.of(0, accountId, roleName).hex(17).toUpperCase(Locale.ROOT);
        Principal session = new Principal(accountId,
                "arn:aws:sts::" + accountId + ":assumed-role/" + roleName + "/" + sessionName,
                roleId + ":" + sessionName, roleName, sessionName);
        Instant expiration = call.now().plusSeconds(duration);
        Credential credential = context.credentials().issue(session, expiration, call.now());
        return QueryResponses.query("AssumeRole", NAMESPACE, call.requestId(), xml -> xml
                .start("AssumedRoleUser")
                .element("AssumedRoleId", session.userId())
                .element("Arn", session.arn())
                .end()
                .start("Credentials")
                .element("AccessKeyId", credential.accessKeyId())
                .element("SecretAccessKey", credential.secretAccessKey())
                .element("SessionToken", credential.sessionToken())
                .element("Expiration", Timestamps.isoSeconds(expiration))
                .end());
    }

    /** Whether the role's trust policy names the caller, the caller's account root, or the caller's role. */
    private boolean trusts(Role role, Principal caller) {
        HubPrincipal hub = context.hub();
        String callerAccountRoot = "arn:aws:iam::" + caller.accountId() + ":root";
        String callerRole = caller.assumedRole()
                ? "arn:aws:iam::" + caller.accountId() + ":role/" + caller.roleName() : null;
        for (String trusted : role.trustedPrincipals()) {
            String arn = switch (trusted) {
                case Role.HUB -> hub.arn();
                case Role.HUB_ACCOUNT -> hub.accountRootArn();
                default -> trusted;
            };
            if (arn.equals("*") || arn.equals(caller.arn()) || arn.equals(callerAccountRoot)
                    || arn.equals(callerRole)) {
                return true;
            }
        }
        return false;
    }

    private static String targetAccount(Call call) {
        return Optional.ofNullable(call.request().form().get("RoleArn"))
                .map(ROLE_ARN::matcher).filter(Matcher::matches).map(m -> m.group(1))
                .orElse(call.accountId());
    }

    private static String required(QueryParams params, String name, String member) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw validation("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    private static AwsError validation(String detail) {
        return new AwsError("ValidationError", 400, "1 validation error detected: " + detail);
    }
}
