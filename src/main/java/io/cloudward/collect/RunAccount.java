package io.cloudward.collect;

import io.cloudward.accounts.AccountStatus;
import io.cloudward.accounts.AwsAccount;
import io.cloudward.accounts.CapabilityState;
import io.cloudward.aws.RoleSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a run needs of its account, read once at the start (and again after a re-verification). */
record RunAccount(AccountStatus status, String statusDetail, RoleSession role, List<String> regions,
                  Map<String, CapabilityState> capabilities) {

    static RunAccount of(AwsAccount account) {
        return new RunAccount(account.status, account.statusDetail, new RoleSession(account.roleArn, account.externalId),
                List.copyOf(account.regions), Map.copyOf(account.capabilities));
    }

    /** An action of {@code source} the verification found the role lacks: collecting it would only be refused. */
    Optional<String> missingAction(Source source) {
        return source.capabilities().stream()
                .map(capability -> capabilities.get(capability.name()))
                .filter(state -> state != null && !state.granted())
                .flatMap(state -> state.missingActions().stream())
                .filter(source::calls)
                .findFirst();
    }
}
