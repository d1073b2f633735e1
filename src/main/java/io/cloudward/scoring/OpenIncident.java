package io.cloudward.scoring;

import io.cloudward.checks.Severity;

/** An open incident of the account: it caps the account's score until it is resolved. */
public record OpenIncident(String id, String title, Severity severity) {
}
