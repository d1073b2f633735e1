package io.cloudward.sandbox.services;

import io.cloudward.sandbox.estate.Estate;
import io.cloudward.sandbox.estate.SandboxClock;
import io.cloudward.sandbox.identity.CredentialStore;
import io.cloudward.sandbox.identity.HubPrincipal;

/** What the simulated services share: the estate, the clock and the identities. */
public record ServiceContext(Estate estate, SandboxClock clock, CredentialStore credentials, HubPrincipal hub) {
}
