package io.cloudward.integrations;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Seals destination secrets with AES-256-GCM under the key {@code cloudward.secrets.key} (base64 of 32
 * bytes; required in production). The tenant and destination ids are the associated data, so a sealed
 * value copied to another row does not open.
 */
@ApplicationScoped
public class SecretBox {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;

    private final SecretKeySpec key;
    private final ObjectMapper json;

    public SecretBox(@ConfigProperty(name = "cloudward.secrets.key") String key, ObjectMapper json) {
        this.key = keyOf(key);
        this.json = json;
    }

    /** Fails start-up, not the first delivery, on a missing or malformed key. */
    void check(@Observes StartupEvent event) {
        // the constructor has validated the key
    }

    static SecretKeySpec keyOf(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cloudward.secrets.key must be base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("cloudward.secrets.key must be 32 bytes (base64), not " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    public String seal(UUID tenantId, UUID destinationId, Map<String, String> secrets) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad(tenantId, destinationId));
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(new TreeMap<>(secrets)));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("could not seal a destination secret", e);
        }
    }

    public Map<String, String> open(UUID tenantId, UUID destinationId, String sealed) {
        if (sealed == null || sealed.isEmpty()) {
            return Map.of();
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
            cipher.updateAAD(aad(tenantId, destinationId));
            byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
            return json.readValue(plain, new TypeReference<Map<String, String>>() { });
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("a destination secret does not open with the configured key", e);
        }
    }

    /** What the API and pages show of a secret: never more than its last four characters. */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        return secret.length() <= 8 ? "••••" : "••••" + secret.substring(secret.length() - 4);
    }

    private static byte[] aad(UUID tenantId, UUID destinationId) {
        return (tenantId + ":" + destinationId).getBytes(StandardCharsets.UTF_8);
    }
}
