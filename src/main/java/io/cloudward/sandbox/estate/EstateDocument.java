package io.cloudward.sandbox.estate;

import java.util.ArrayList;
import java.util.List;

/**
 * One estate file: customer accounts and, optionally, the organizations they belong to. Organizations'
 * {@link StackSetMembers} are expanded here into accounts and members.
 */
public record EstateDocument(List<Account> accounts, List<Organization> organizations) {

    public EstateDocument {
        List<Account> allAccounts = new ArrayList<>(Lists.orEmpty(accounts));
        List<Organization> expanded = new ArrayList<>();
        for (Organization organization : Lists.orEmpty(organizations)) {
            expanded.add(organization.stackSetMembers() == null ? organization
                    : organization.stackSetMembers().expand(organization, allAccounts));
        }
        accounts = List.copyOf(allAccounts);
        organizations = List.copyOf(expanded);
    }

    /**
     * An organization whose members all got Cloudward's role from a StackSet, for tests: its management
     * account {@code managementAccountId} and {@code members.count()} member accounts after it.
     */
    public static EstateDocument stackSetOrganization(String organizationId, String managementAccountId,
            StackSetMembers members) {
        return new EstateDocument(List.of(), List.of(new Organization(organizationId, managementAccountId, null, null,
                List.of(), members)));
    }
}
