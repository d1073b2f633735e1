package io.cloudward.sandbox.estate;

import java.util.List;

/**
 * An AWS Organization; its management account is listed among the members too.
 *
 * @param stackSetMembers member accounts to create with it (see {@link StackSetMembers}); an
 *                        {@link EstateDocument} turns them into accounts and members, so a loaded
 *                        organization has none
 */
public record Organization(String id, String managementAccountId, String managementAccountEmail, String featureSet,
                          List<OrganizationMember> members, StackSetMembers stackSetMembers) {

    public Organization {
        if (id == null || managementAccountId == null) {
            throw new IllegalArgumentException("an organization needs an id and a managementAccountId");
        }
        featureSet = featureSet == null ? "ALL" : featureSet;
        members = Lists.orEmpty(members);
    }

    public String arn() {
        return "arn:aws:organizations::" + managementAccountId + ":organization/" + id;
    }

    public boolean includes(String accountId) {
        return managementAccountId.equals(accountId) || members.stream().anyMatch(m -> m.id().equals(accountId));
    }
}
