package io.cloudward.sandbox.services;

import io.cloudward.sandbox.estate.Account;
import io.cloudward.sandbox.estate.Estate;
import io.cloudward.sandbox.estate.RegionView;
import io.cloudward.sandbox.identity.Principal;
import io.cloudward.sandbox.protocol.AwsRequest;
import java.time.Instant;

/**
 * One authenticated call: the request, who made it, the region it was signed for and the time on the
 * sandbox clock. Data calls read the caller's own account.
 */
public record Call(AwsRequest request, Principal principal, String region, Instant now, String requestId,
                   ServiceContext context) {

    public String accountId() {
        return principal.accountId();
    }

    /** The caller's account in the call's region (empty for an account outside the estate, like the hub). */
    public RegionView regionView() {
        return context.estate().region(accountId(), region);
    }

    /** The caller's account (empty for an account outside the estate, like the hub). */
    public Account account() {
        return context.estate().account(accountId()).orElseGet(() -> Estate.emptyAccount(accountId()));
    }
}
