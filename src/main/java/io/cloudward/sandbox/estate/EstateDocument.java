package io.cloudward.sandbox.estate;

import java.util.List;

/** One estate file: customer accounts and, optionally, the organizations they belong to. */
public record EstateDocument(List<Account> accounts, List<Organization> organizations) {

    public EstateDocument {
        accounts = Lists.orEmpty(accounts);
        organizations = Lists.orEmpty(organizations);
    }
}
