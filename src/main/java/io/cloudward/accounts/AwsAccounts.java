package io.cloudward.accounts;

import io.cloudward.api.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's AWS accounts (the tenant filter and row security scope every query). */
@ApplicationScoped
public class AwsAccounts implements PanacheRepositoryBase<AwsAccount, UUID> {

    /** Accounts not removed, by name. */
    public List<AwsAccount> active() {
        return list("status <> ?1", Sort.ascending("name", "accountId"), AccountStatus.DISCONNECTED);
    }

    public List<AwsAccount> all() {
        return listAll(Sort.ascending("name", "accountId"));
    }

    public AwsAccount require(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("The AWS account"));
    }

    public Optional<AwsAccount> byAccountId(String accountId) {
        return find("accountId", accountId).firstResultOptional();
    }
}
