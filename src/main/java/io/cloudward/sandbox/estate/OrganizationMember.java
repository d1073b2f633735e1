package io.cloudward.sandbox.estate;

import java.time.Instant;

/** An account of an AWS Organization, as ListAccounts shows it. */
public record OrganizationMember(String id, String name, String email, String status, Instant joined,
                                 String joinedMethod) {

    public OrganizationMember {
        status = status == null ? "ACTIVE" : status;
        joinedMethod = joinedMethod == null ? "CREATED" : joinedMethod;
    }
}
