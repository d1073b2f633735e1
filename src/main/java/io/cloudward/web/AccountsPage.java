package io.cloudward.web;

import io.cloudward.accounts.AccountStatus;
import io.cloudward.accounts.AwsAccount;
import io.cloudward.accounts.AwsAccounts;
import io.cloudward.onboarding.CollectorPermissions;
import io.cloudward.onboarding.ConnectionIntent;
import io.cloudward.onboarding.LaunchInstructions;
import io.cloudward.onboarding.Onboarding;
import io.cloudward.onboarding.Verification;
import io.cloudward.tenancy.Audited;
import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * AWS accounts in the browser: the list, the connect wizard (ExternalId and launch instructions, paste the
 * role ARN, verify, choose regions, connect) and each account's connection page (capabilities, regions,
 * re-verify, ExternalId rotation, removal).
 */
@Path("/t/{tenantId}/accounts")
@Produces(MediaType.TEXT_HTML)
public class AccountsPage {

    /** The Connect page's state: the intent, what to deploy, and the last verification when there is one. */
    public record Wizard(ConnectionIntent intent, String principalArn, LaunchInstructions instructions,
                         String roleArn, String name, Verification verification) {
        public boolean organization() {
            return intent.kind == ConnectionIntent.Kind.ORGANIZATION;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accounts(List<AwsAccount> accounts);

        static native TemplateInstance connect(Wizard wizard);

        static native TemplateInstance account(AwsAccount account, List<CollectorPermissions.Capability> capabilities,
                                               String nextExternalId, LaunchInstructions rotation,
                                               AccountInsight.Insight insight);
    }

    private final AwsAccounts accounts;
    private final Onboarding onboarding;
    private final PageContext page;
    private final AccountInsight insight;

    public AccountsPage(AwsAccounts accounts, Onboarding onboarding, PageContext page, AccountInsight insight) {
        this.accounts = accounts;
        this.onboarding = onboarding;
        this.page = page;
        this.insight = insight;
    }

    @GET
    @Requires(Permission.TENANT_READ)
    public TemplateInstance list(@PathParam("tenantId") UUID tenantId) {
        page.section("accounts");
        return Templates.accounts(accounts.all());
    }

    /** Starts a connection: a fresh ExternalId, then the wizard page for it. */
    @POST
    @Path("connect")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.ACCOUNTS_MANAGE)
    @Transactional
    @Audited("connection.started")
    public Response start(@PathParam("tenantId") UUID tenantId, @FormParam("kind") ConnectionIntent.Kind kind) {
        ConnectionIntent intent = onboarding.startConnection(kind == null ? ConnectionIntent.Kind.ACCOUNT : kind);
        return Response.seeOther(URI.create("/t/" + tenantId + "/accounts/connect/" + intent.id)).build();
    }

    @GET
    @Path("connect/{intentId}")
    @Requires(Permission.ACCOUNTS_MANAGE)
    public TemplateInstance wizard(@PathParam("tenantId") UUID tenantId, @PathParam("intentId") UUID intentId) {
        return render(onboarding.intent(intentId), null, null, null);
    }

    /** Verifies the pasted role and shows every step; connecting is the next button. */
    @POST
    @Path("connect/{intentId}/verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.ACCOUNTS_MANAGE)
    @Transactional
    @Audited("connection.role-verified")
    public TemplateInstance verify(@PathParam("tenantId") UUID tenantId, @PathParam("intentId") UUID intentId,
                                   @FormParam("roleArn") String roleArn, @FormParam("name") String name) {
        ConnectionIntent intent = onboarding.intent(intentId);
        return render(intent, roleArn, name, onboarding.check(intentId, roleArn));
    }

    @POST
    @Path("connect/{intentId}/connect")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.ACCOUNTS_MANAGE)
    @Transactional
    @Audited("aws-account.connected")
    public Response connect(@PathParam("tenantId") UUID tenantId, @PathParam("intentId") UUID intentId,
                            @FormParam("roleArn") String roleArn, @FormParam("name") String name,
                            @FormParam("region") List<String> regions) {
        AwsAccount account = onboarding.connect(intentId, roleArn, name, regions);
        return Response.seeOther(URI.create("/t/" + tenantId + "/accounts/" + account.id)).build();
    }

    @GET
    @Path("{accountId}")
    @Requires(Permission.TENANT_READ)
    public TemplateInstance account(@PathParam("tenantId") UUID tenantId, @PathParam("accountId") UUID accountId) {
        return renderAccount(accounts.require(accountId));
    }

    @POST
    @Path("{accountId}/verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.ACCOUNTS_MANAGE)
    @Transactional
    @Audited("aws-account.verified")
    public TemplateInstance reverify(@PathParam("tenantId") UUID tenantId, @PathParam("accountId") UUID accountId) {
        return renderAccount(onboarding.reverify(accountId));
    }

    @POST
    @Path("{accountId}/regions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.ACCOUNTS_MANAGE)
    @Transactional
    @Audited("aws-account.updated")
    public TemplateInstance regions(@PathParam("tenantId") UUID tenantId, @PathParam("accountId") UUID accountId,
                                    @FormParam("name") String name, @FormParam("region") List<String> regions) {
        if (regions == null || regions.isEmpty()) {
            throw io.cloudward.api.ProblemException.invalid("region", "Choose at least one region to cover.");
        }
        return renderAccount(onboarding.setRegions(accountId, regions, name));
    }

    @POST
    @Path("{accountId}/rotate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.ACCOUNTS_MANAGE)
    @Transactional
    @Audited("aws-account.rotation-started")
    public TemplateInstance rotate(@PathParam("tenantId") UUID tenantId, @PathParam("accountId") UUID accountId) {
        return renderAccount(onboarding.startRotation(accountId));
    }

    @POST
    @Path("{accountId}/rotate/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.ACCOUNTS_MANAGE)
    @Transactional
    @Audited("aws-account.rotation-completed")
    public TemplateInstance confirmRotation(@PathParam("tenantId") UUID tenantId, @PathParam("accountId") UUID accountId) {
        return renderAccount(onboarding.confirmRotation(accountId));
    }

    @POST
    @Path("{accountId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.ACCOUNTS_DELETE)
    @Transactional
    @Audited("aws-account.removed")
    public Response remove(@PathParam("tenantId") UUID tenantId, @PathParam("accountId") UUID accountId,
                           @FormParam("retainDays") int retainDays) {
        onboarding.remove(accountId, retainDays);
        return Response.seeOther(URI.create("/t/" + tenantId + "/accounts")).build();
    }

    private TemplateInstance render(ConnectionIntent intent, String roleArn, String name, Verification verification) {
        page.section("accounts");
        return Templates.connect(new Wizard(intent, onboarding.principalArn(),
                onboarding.instructions(intent, "us-east-1"), roleArn, name, verification));
    }

    private TemplateInstance renderAccount(AwsAccount account) {
        page.section("accounts");
        LaunchInstructions rotation = account.nextExternalId == null ? null
                : onboarding.instructions(account.nextExternalId, "us-east-1");
        return Templates.account(account, List.of(CollectorPermissions.Capability.values()), account.nextExternalId, rotation,
                insight.of(account));
    }

    /** Badge colour for a status, used by the templates. */
    @io.quarkus.qute.TemplateExtension
    static String tone(AccountStatus status) {
        return switch (status) {
            case CONNECTED -> "ok";
            case DEGRADED, PENDING -> "warn";
            case FAILING -> "bad";
            case DISCONNECTED -> "";
        };
    }
}
