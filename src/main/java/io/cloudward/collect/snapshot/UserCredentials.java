package io.cloudward.collect.snapshot;

/** The credential-report row of one IAM user (never root), for the per-user checks. */
public record UserCredentials(CredentialReportRow row) implements ReportedCredentials {

    public UserCredentials {
        Facts.present(row, "user credential report row");
        if (row.isRoot()) {
            throw new IllegalArgumentException("The root user's row belongs in RootCredentials");
        }
    }
}
