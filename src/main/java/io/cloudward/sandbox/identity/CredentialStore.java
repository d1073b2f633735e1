package io.cloudward.sandbox.identity;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The hub key and the temporary credentials AssumeRole hands out. */
public final class CredentialStore {

    private static final char[] KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int PURGE_THRESHOLD = 50_000;

    private final SecureRandom random = new SecureRandom();
    private final Credential hub;
    private final Map<String, Credential> sessions = new ConcurrentHashMap<>();

    public CredentialStore(HubPrincipal hubPrincipal) {
        this.hub = new Credential(hubPrincipal.accessKeyId(), hubPrincipal.secretAccessKey(), null, null,
                hubPrincipal.principal());
    }

    public Optional<Credential> find(String accessKeyId) {
        if (hub.accessKeyId().equals(accessKeyId)) {
            return Optional.of(hub);
        }
        return Optional.ofNullable(sessions.get(accessKeyId));
    }

    /** New temporary credentials ({@code ASIA…} key, secret, session token) for {@code principal}. */
    public Credential issue(Principal principal, Instant expiration, Instant now) {
        if (sessions.size() > PURGE_THRESHOLD) {
            sessions.values().removeIf(session -> session.expiredAt(now));
        }
        byte[] token = new byte[180];
        random.nextBytes(token);
        byte[] secret = new byte[30];
        random.nextBytes(secret);
        Credential credential = new Credential("ASIA" + randomKey(16),
                Base64.getEncoder().encodeToString(secret), "IQoJb3JpZ2luX2Vj" + Base64.getEncoder().encodeToString(token),
                expiration, principal);
        sessions.put(credential.accessKeyId(), credential);
        return credential;
    }

    public void clearSessions() {
        sessions.clear();
    }

    private String randomKey(int length) {
        char[] key = new char[length];
        for (int i = 0; i < length; i++) {
            key[i] = KEY_CHARS[random.nextInt(KEY_CHARS.length)];
        }
        return new String(key);
    }
}
