package io.cloudward.checks.iam;

import io.cloudward.collect.snapshot.CredentialReportRow;
import io.cloudward.collect.snapshot.CredentialReportRow.AccessKey;
import io.cloudward.collect.snapshot.RootCredentials;
import io.cloudward.collect.snapshot.UserCredentials;

import java.time.Instant;
import java.util.Optional;

import static io.cloudward.checks.Fixtures.daysAgo;

/** Builds credential-report rows for tests. */
final class Credentials {

    private Credentials() {
    }

    static UserCredentials user(boolean password, boolean mfa, Optional<Instant> passwordLastUsed, AccessKey key1, AccessKey key2) {
        return new UserCredentials(new CredentialReportRow("alice", "arn:aws:iam::123456789012:user/alice",
                Optional.of(daysAgo(400)), password, passwordLastUsed, Optional.of(daysAgo(300)), mfa, key1, key2));
    }

    static UserCredentials consoleUser(boolean mfa) {
        return user(true, mfa, Optional.of(daysAgo(2)), AccessKey.none(1), AccessKey.none(2));
    }

    static RootCredentials root(boolean mfa, Optional<Instant> passwordLastUsed, AccessKey key1) {
        return new RootCredentials(new CredentialReportRow(CredentialReportRow.ROOT_USER, "arn:aws:iam::123456789012:root",
                Optional.of(daysAgo(2000)), false, passwordLastUsed, Optional.empty(), mfa, key1, AccessKey.none(2)));
    }

    static AccessKey key(int slot, boolean active, Instant rotated, Optional<Instant> lastUsed) {
        return new AccessKey(slot, active, Optional.of(rotated), lastUsed, lastUsed.map(t -> "s3"));
    }
}
