package io.cloudward.sandbox.estate;

import io.cloudward.sandbox.estate.gen.EstateGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * Member accounts an organisation is created with, as a service-managed StackSet of Cloudward's role
 * template leaves them: each has the same role, with the organisation's one ExternalId, trusting the hub.
 * The accounts are otherwise empty: enough to list, assume and probe an organisation of any size.
 *
 * @param count       member accounts, ids {@code managementAccountId + 1} upwards
 * @param externalId  the StackSet's ExternalId, also given to the management account's role when the
 *                    estate does not describe that account itself
 * @param roleName    default {@code CloudwardSecurityAudit}
 * @param withoutRole how many of the last members the StackSet has not reached (no role: "role missing")
 */
public record StackSetMembers(int count, String externalId, String roleName, Integer withoutRole) {

    public StackSetMembers {
        if (count < 1 || count > 10_000) {
            throw new IllegalArgumentException("stackSetMembers.count must be 1–10,000");
        }
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("stackSetMembers needs the StackSet's externalId");
        }
        roleName = roleName == null ? EstateGenerator.ROLE_NAME : roleName;
        withoutRole = withoutRole == null ? 0 : withoutRole;
        if (withoutRole < 0 || withoutRole > count) {
            throw new IllegalArgumentException("stackSetMembers.withoutRole must be 0–count");
        }
    }

    /**
     * The organisation with these members listed, adding their accounts (and the management account's,
     * when missing) to {@code accounts}.
     */
    Organization expand(Organization organization, List<Account> accounts) {
        String management = organization.managementAccountId();
        if (accounts.stream().noneMatch(account -> account.id().equals(management))) {
            accounts.add(account(management, "management", organization.managementAccountEmail(), true));
        }
        List<OrganizationMember> members = new ArrayList<>(organization.members());
        long first = Long.parseLong(management) + 1;
        for (int i = 0; i < count; i++) {
            String id = String.format("%012d", first + i);
            if (id.length() != 12 || accounts.stream().anyMatch(account -> account.id().equals(id))) {
                throw new IllegalArgumentException("organization " + organization.id() + ": member account " + id
                        + " is not free");
            }
            Account member = account(id, String.format("member-%04d", i + 1), null, i < count - withoutRole);
            accounts.add(member);
            members.add(new OrganizationMember(id, member.name(), member.email(), null, null, null));
        }
        return new Organization(organization.id(), management, organization.managementAccountEmail(),
                organization.featureSet(), members, null);
    }

    private Account account(String id, String name, String email, boolean withRole) {
        List<Role> roles = withRole ? List.of(Role.fromCloudwardTemplate(roleName, externalId)) : List.of();
        return new Account(id, name, email, null, null, roles, null, null, null, null, null, null);
    }
}
