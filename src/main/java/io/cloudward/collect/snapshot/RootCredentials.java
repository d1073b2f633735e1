package io.cloudward.collect.snapshot;

/** The credential-report row of the root user, for the root checks. */
public record RootCredentials(CredentialReportRow row) implements ReportedCredentials {

    public RootCredentials {
        Facts.present(row, "root credential report row");
        if (!row.isRoot()) {
            throw new IllegalArgumentException("Row of " + row.user() + " is not the root user's; wrap it in UserCredentials");
        }
    }
}
