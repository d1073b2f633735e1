package io.cloudward.devstack;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Time-based one-time codes (RFC 6238) as an authenticator app makes them, with the realm's OTP policy:
 * HmacSHA1, 6 digits, 30-second steps, the secret written in base32 (RFC 4648).
 *
 * <p>For the local run: {@code java -cp target/test-classes io.cloudward.devstack.Totp [user | base32-secret]}
 * prints the current code (alice's by default).
 */
public final class Totp {
    public static final int DIGITS = 6;
    public static final int PERIOD_SECONDS = 30;

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final Map<String, Long> LAST_STEP_HANDED_OUT = new HashMap<>();

    private Totp() {
    }

    /** The code for the given moment. */
    public static String code(String base32Secret, Instant time) {
        return code(base32Decode(base32Secret), Math.floorDiv(time.getEpochSecond(), PERIOD_SECONDS), DIGITS);
    }

    public static String now(String base32Secret) {
        return code(base32Secret, Instant.now());
    }

    /**
     * A code that this JVM has not handed out before. Keycloak accepts each code only once (the realm sets
     * {@code otpPolicyCodeReusable} to false), so when the current 30-second step's code was already handed
     * out this waits for the next step: at most 30 seconds.
     */
    public static synchronized String unusedCode(String base32Secret) {
        String key = base32Secret.replace(" ", "").toUpperCase(Locale.ROOT);
        long step = Math.floorDiv(Instant.now().getEpochSecond(), PERIOD_SECONDS);
        Long last = LAST_STEP_HANDED_OUT.get(key);
        if (last != null && step <= last) {
            step = last + 1;
            sleepUntil(Instant.ofEpochSecond(step * PERIOD_SECONDS));
        }
        LAST_STEP_HANDED_OUT.put(key, step);
        return code(base32Decode(key), step, DIGITS);
    }

    /** RFC 4226 HOTP of the time step with HmacSHA1 and dynamic truncation. */
    static String code(byte[] key, long step, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int modulus = (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", binary % modulus);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /** Base32 as authenticator apps show it: case-insensitive, spaces and padding ignored. */
    static byte[] base32Decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == ' ' || c == '=') {
                continue;
            }
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not a base32 character: '" + c + "'");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    private static void sleepUntil(Instant moment) {
        long millis = moment.toEpochMilli() - System.currentTimeMillis();
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) {
        String target = args.length == 0 ? DemoUsers.ALICE : args[0];
        String secret = DemoUsers.find(target).map(user -> user.otpSecret().orElseThrow(
                () -> new IllegalArgumentException(user.username() + " has no one-time code secret"))).orElse(target);
        long left = PERIOD_SECONDS - Math.floorMod(Instant.now().getEpochSecond(), PERIOD_SECONDS);
        System.out.println(now(secret) + "  (valid for " + left + " s more)");
    }
}
