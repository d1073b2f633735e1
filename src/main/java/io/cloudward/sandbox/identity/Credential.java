package io.cloudward.sandbox.identity;

import java.time.Instant;

/**
 * A key pair the sandbox knows: the hub user's long-term key or a session's temporary one (with its
 * session token and expiry).
 */
public record Credential(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                         Principal principal) {

    public boolean expiredAt(Instant now) {
        return expiration != null && !now.isBefore(expiration);
    }
}
