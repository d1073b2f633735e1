package io.cloudward.collect.snapshot;

/**
 * A credential-report row typed by whose it is, so root and user checks each receive only their rows:
 * {@code registry.evaluate(ReportedCredentials.of(row), context)}.
 */
public sealed interface ReportedCredentials permits RootCredentials, UserCredentials {

    CredentialReportRow row();

    static ReportedCredentials of(CredentialReportRow row) {
        return row.isRoot() ? new RootCredentials(row) : new UserCredentials(row);
    }
}
