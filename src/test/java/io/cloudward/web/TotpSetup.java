package io.cloudward.web;

import io.cloudward.devstack.Totp;

import java.nio.charset.StandardCharsets;

/**
 * Keycloak's "set up your authenticator" step for a test person: its form carries the raw secret (the HMAC key);
 * an app would be given it in base32, from which {@link Totp} computes the code.
 */
final class TotpSetup {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private TotpSetup() {
    }

    /** A fresh one-time code for the raw secret of Keycloak's {@code totpSecret} field. */
    static String code(String rawSecret) {
        return Totp.unusedCode(base32(rawSecret.getBytes(StandardCharsets.UTF_8)));
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }
}
