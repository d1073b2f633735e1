package io.cloudward.bench;

import io.cloudward.aws.RoleSession;

/** A generated sandbox account the benchmark collects, with the role Cloudward assumes in it. */
record BenchAccount(String accountId, RoleSession role) {

    @Override
    public String toString() {
        return accountId;
    }
}
