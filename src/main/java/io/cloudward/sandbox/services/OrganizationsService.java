package io.cloudward.sandbox.services;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudward.sandbox.estate.Account;
import io.cloudward.sandbox.estate.Organization;
import io.cloudward.sandbox.estate.OrganizationMember;
import io.cloudward.sandbox.protocol.AwsError;
import io.cloudward.sandbox.protocol.Json;
import io.cloudward.sandbox.protocol.PageToken;
import io.cloudward.sandbox.protocol.Protocol;
import io.cloudward.sandbox.protocol.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * AWS Organizations (global, JSON 1.1): the organization an account belongs to, and its accounts, which
 * only the management account may list.
 */
public final class OrganizationsService extends JsonService {

    private static final int MAX_PAGE = 20;

    private final ServiceContext context;

    public OrganizationsService(ServiceContext context) {
        super("AWSOrganizationsV20161128");
        this.context = context;
        register(Operation.of("organizations", "DescribeOrganization", Protocol.JSON, this::describeOrganization));
        register(Operation.of("organizations", "ListAccounts", Protocol.JSON, this::listAccounts));
    }

    @Override
    public String signingName() {
        return "organizations";
    }

    @Override
    public boolean regional() {
        return false;
    }

    private Response describeOrganization(Call call) {
        Organization organization = organization(call);
        ObjectNode body = Json.object();
        ObjectNode node = body.putObject("Organization")
                .put("Id", organization.id())
                .put("Arn", organization.arn())
                .put("FeatureSet", organization.featureSet())
                .put("MasterAccountArn", accountArn(organization, organization.managementAccountId()))
                .put("MasterAccountId", organization.managementAccountId());
        Json.putText(node, "MasterAccountEmail", organization.managementAccountEmail());
        node.putArray("AvailablePolicyTypes").addObject().put("Type", "SERVICE_CONTROL_POLICY").put("Status", "ENABLED");
        return Json.response(200, body, Protocol.JSON_11);
    }

    private Response listAccounts(Call call) {
        Organization organization = organization(call);
        if (!organization.managementAccountId().equals(call.accountId())) {
            throw new AwsError("AccessDeniedException", 400, "You don't have permissions to access this resource.");
        }
        ObjectNode input = call.request().json();
        int max = input.path("MaxResults").asInt(MAX_PAGE);
        if (max < 1 || max > MAX_PAGE) {
            throw new AwsError("InvalidInputException", 400, "You specified an invalid value.");
        }
        List<OrganizationMember> members = new ArrayList<>(organization.members());
        if (members.stream().noneMatch(member -> member.id().equals(organization.managementAccountId()))) {
            Account management = call.account();
            members.add(0, new OrganizationMember(management.id(), management.name(), management.email(), null,
                    management.created(), "CREATED"));
        }
        String token = input.hasNonNull("NextToken") ? input.get("NextToken").asText() : null;
        PageToken.Page<OrganizationMember> page = PageToken.page(members, token, max, organization.id(),
                () -> new AwsError("InvalidInputException", 400, "You specified an invalid value for nextToken."));
        ObjectNode body = Json.object();
        ArrayNode accounts = body.putArray("Accounts");
        for (OrganizationMember member : page.items()) {
            ObjectNode item = accounts.addObject()
                    .put("Id", member.id())
                    .put("Arn", accountArn(organization, member.id()));
            Json.putText(item, "Email", member.email());
            Json.putText(item, "Name", member.name());
            item.put("Status", member.status()).put("State", member.status()).put("JoinedMethod", member.joinedMethod());
            Json.putTime(item, "JoinedTimestamp", member.joined() == null ? call.now() : member.joined());
        }
        Json.putText(body, "NextToken", page.nextToken());
        return Json.response(200, body, Protocol.JSON_11);
    }

    private Organization organization(Call call) {
        return context.estate().organizationOf(call.accountId()).orElseThrow(() -> new AwsError(
                "AWSOrganizationsNotInUseException", 400, "Your account is not a member of an organization."));
    }

    private static String accountArn(Organization organization, String accountId) {
        return "arn:aws:organizations::" + organization.managementAccountId() + ":account/" + organization.id() + "/"
                + accountId;
    }
}
