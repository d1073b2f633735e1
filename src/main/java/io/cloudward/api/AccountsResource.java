package io.cloudward.api;

import io.cloudward.accounts.AccountStatus;
import io.cloudward.accounts.AwsAccount;
import io.cloudward.accounts.AwsAccounts;
import io.cloudward.accounts.CapabilityState;
import io.cloudward.accounts.VerificationStep;
import io.cloudward.onboarding.ConnectionIntent;
import io.cloudward.onboarding.LaunchInstructions;
import io.cloudward.onboarding.Onboarding;
import io.cloudward.onboarding.Verification;
import io.cloudward.tenancy.Audited;
import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Connected AWS accounts and the onboarding flow: connection (ExternalId), verification, connect, lifecycle. */
@Path("/api/v1/tenants/{tenantId}")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    public record AccountView(UUID id, String accountId, String name, String roleArn, String partition,
                              AccountStatus status, String statusDetail, boolean trustOpen,
                              Map<String, CapabilityState> capabilities, List<String> enabledRegions,
                              List<String> regions, UUID organizationId, Instant lastVerifiedAt,
                              List<VerificationStep> verification, Instant purgeAfter, Instant createdAt) {
        static AccountView of(AwsAccount a) {
            return new AccountView(a.id, a.accountId, a.name, a.roleArn, a.partition, a.status, a.statusDetail,
                    a.trustOpen, a.capabilities, a.enabledRegions, a.regions, a.organizationId, a.lastVerifiedAt,
                    a.verification, a.purgeAfter, a.createdAt);
        }
    }

    /** Step 1's answer: the ExternalId and the three ways to create the role with it. */
    public record ConnectionView(UUID id, ConnectionIntent.Kind kind, String externalId, String principalArn,
                                 Instant expiresAt, LaunchInstructions instructions) {
    }

    public record NewConnection(ConnectionIntent.Kind kind, @Size(max = 30) String region) {
    }

    public record RoleCheck(@NotNull @Size(max = 2048) String roleArn) {
    }

    public record VerificationView(boolean usable, AccountStatus status, String detail, boolean trustOpen,
                                   List<String> enabledRegions, Map<String, CapabilityState> capabilities,
                                   List<VerificationStep> steps) {
        static VerificationView of(Verification v) {
            return new VerificationView(v.usable(), v.status(), v.statusDetail(), v.trustOpen(), v.enabledRegions(),
                    v.capabilities(), v.steps());
        }
    }

    public record NewAccount(@NotNull UUID connectionId, @NotNull @Size(max = 2048) String roleArn,
                             @Size(max = 200) String name, @Size(max = 40) List<String> regions) {
    }

    public record AccountChange(@Size(max = 200) String name, @Size(max = 40) List<String> regions) {
    }

    /** A rotation in progress: the new ExternalId and how to deploy it. */
    public record RotationView(AccountView account, String nextExternalId, LaunchInstructions instructions) {
    }

    private final Onboarding onboarding;
    private final AwsAccounts accounts;

    public AccountsResource(Onboarding onboarding, AwsAccounts accounts) {
        this.onboarding = onboarding;
        this.accounts = accounts;
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("connections")
    @Requires(Permission.ACCOUNTS_MANAGE)
    @Transactional
    @Audited("connection.started")
    public Response startConnection(@PathParam("tenantId") UUID tenantId, @Valid NewConnection request) {
        ConnectionIntent intent = onboarding.startConnection(request == null || request.kind() == null
                ? ConnectionIntent.Kind.ACCOUNT : request.kind());
        ConnectionView view = connectionView(intent, request == null ? null : request.region());
        return Response.created(URI.create("/api/v1/tenants/" + tenantId + "/connections/" + intent.id)).entity(view).build();
    }

    @GET
    @Path("connections/{connectionId}")
    @Requires(Permission.ACCOUNTS_MANAGE)
    public ConnectionView connection(@PathParam("tenantId") UUID tenantId, @PathParam("connectionId") UUID id,
                                     @QueryParam("region") String region) {
        return connectionView(onboarding.intent(id), region);
    }

    /** Verifies a role against the connection's ExternalId without connecting it (the wizard's "Verify"). */
    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("connections/{connectionId}/verification")
    @Requires(Permission.ACCOUNTS_MANAGE)
    @Transactional
    @Audited("connection.role-verified")
    public VerificationView verify(@PathParam("tenantId") UUID tenantId, @PathParam("connectionId") UUID id,
                                   @Valid @NotNull RoleCheck request) {
        return VerificationView.of(onboarding.check(id, request.roleArn()));
    }

    @GET
    @Path("accounts")
    @Requires(Permission.TENANT_READ)
    public List<AccountView> list(@PathParam("tenantId") UUID tenantId) {
        return accounts.all().stream().map(AccountView::of).toList();
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("accounts")
    @Requires(Permission.ACCOUNTS_MANAGE)
    @Transactional
    @Audited("aws-account.connected")
    public Response connect(@PathParam("tenantId") UUID tenantId, @Valid @NotNull NewAccount request) {
        AwsAccount account = onboarding.connect(request.connectionId(), request.roleArn(), request.name(), request.regions());
        return Response.created(URI.create("/api/v1/tenants/" + tenantId + "/accounts/" + account.id))
                .entity(AccountView.of(account)).build();
    }

    @GET
    @Path("accounts/{accountId}")
    @Requires(Permission.TENANT_READ)
    public AccountView get(@PathParam("tenantId") UUID tenantId, @PathParam("accountId") UUID id) {
        return AccountView.of(accounts.require(id));
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @PUT
    @Path("accounts/{accountId}")
    @Requires(Permission.ACCOUNTS_MANAGE)
    @Transactional
    @Audited("aws-account.updated")
    public AccountView update(@PathParam("tenantId") UUID tenantId, @PathParam("accountId") UUID id,
                              @Valid @NotNull AccountChange change) {
        return AccountView.of(onboarding.setRegions(id, change.regions(), change.name()));
    }

    @POST
    @Path("accounts/{accountId}/verification")
    @Requires(Permission.ACCOUNTS_MANAGE)
    @Transactional
    @Audited("aws-account.verified")
    public AccountView reverify(@PathParam("tenantId") UUID tenantId, @PathParam("accountId") UUID id) {
        return AccountView.of(onboarding.reverify(id));
    }

    @POST
    @Path("accounts/{accountId}/external-id-rotation")
    @Requires(Permission.ACCOUNTS_MANAGE)
    @Transactional
    @Audited("aws-account.rotation-started")
    public RotationView startRotation(@PathParam("tenantId") UUID tenantId, @PathParam("accountId") UUID id,
                                      @QueryParam("region") String region) {
        AwsAccount account = onboarding.startRotation(id);
        return new RotationView(AccountView.of(account), account.nextExternalId,
                onboarding.instructions(account.nextExternalId, regionOrDefault(region)));
    }

    @POST
    @Path("accounts/{accountId}/external-id-rotation/confirmation")
    @Requires(Permission.ACCOUNTS_MANAGE)
    @Transactional
    @Audited("aws-account.rotation-completed")
    public AccountView confirmRotation(@PathParam("tenantId") UUID tenantId, @PathParam("accountId") UUID id) {
        return AccountView.of(onboarding.confirmRotation(id));
    }

    /** Removes the account; {@code retainDays} = 0 deletes its data now, otherwise it is kept that long. */
    @DELETE
    @Path("accounts/{accountId}")
    @Requires(Permission.ACCOUNTS_DELETE)
    @Transactional
    @Audited("aws-account.removed")
    public Response remove(@PathParam("tenantId") UUID tenantId, @PathParam("accountId") UUID id,
                           @QueryParam("retainDays") @DefaultValue("0") @Min(0) @Max(365) int retainDays) {
        return onboarding.remove(id, retainDays).map(a -> Response.ok(AccountView.of(a)).build())
                .orElseGet(() -> Response.noContent().build());
    }

    private ConnectionView connectionView(ConnectionIntent intent, String region) {
        return new ConnectionView(intent.id, intent.kind, intent.externalId, onboarding.principalArn(), intent.expiresAt,
                onboarding.instructions(intent, regionOrDefault(region)));
    }

    private static String regionOrDefault(String region) {
        if (region == null || region.isBlank()) {
            return "us-east-1";
        }
        if (!region.matches("^[a-z]{2}(-gov)?-[a-z]+-\\d$")) {
            throw ProblemException.invalid("region", "Not an AWS region name (like eu-west-1).");
        }
        return region;
    }
}
