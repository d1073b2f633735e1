package io.cloudward.devstack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The demo people in the realm file ({@code src/main/keycloak/cloudward-realm.json}): ids, passwords and
 * alice's one-time-code secret, which the realm imports as her TOTP credential (base32, HmacSHA1, 6 digits,
 * 30 s). Add it to an authenticator app with {@link #otpAuthUri(String)}.
 */
public final class DemoUsers {
    public static final String ALICE = "alice";
    public static final String BOB = "bob";
    public static final String CAROL = "carol";
    public static final String OSCAR = "oscar";

    /** alice's TOTP secret, base32 as authenticator apps take it. */
    public static final String ALICE_OTP_SECRET = "6IKKQJW7HIUUEJS4FRA5L7UVURKB333K";

    /** A demo person; {@code otpSecret} is present for those with a pre-provisioned authenticator. */
    public record DemoUser(String username, String id, String password, String role, Optional<String> otpSecret) {
    }

    public static final List<DemoUser> ALL = List.of(
            new DemoUser(ALICE, "a11ce000-0000-4000-8000-000000000001", "alice-password",
                    "OWNER of the demo tenant, realm role mfa-required", Optional.of(ALICE_OTP_SECRET)),
            new DemoUser(BOB, "b0b00000-0000-4000-8000-000000000002", "bob-password", "ANALYST", Optional.empty()),
            new DemoUser(CAROL, "ca701000-0000-4000-8000-000000000003", "carol-password", "VIEWER", Optional.empty()),
            new DemoUser(OSCAR, "05ca7000-0000-4000-8000-000000000004", "oscar-password", "platform operator",
                    Optional.empty()));

    private DemoUsers() {
    }

    public static Optional<DemoUser> find(String username) {
        return ALL.stream().filter(user -> user.username().equals(username)).findFirst();
    }

    public static DemoUser get(String username) {
        return find(username).orElseThrow(() -> new IllegalArgumentException(username + " is not a demo user"));
    }

    public static String password(String username) {
        return get(username).password();
    }

    public static String id(String username) {
        return get(username).id();
    }

    public static Optional<String> otpSecret(String username) {
        return find(username).flatMap(DemoUser::otpSecret);
    }

    /** The Key URI an authenticator app reads from a QR code (or as a link): issuer Cloudward, the realm's policy. */
    public static String otpAuthUri(String username) {
        String secret = otpSecret(username)
                .orElseThrow(() -> new IllegalArgumentException(username + " has no one-time code secret"));
        String label = URLEncoder.encode("Cloudward:" + username, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=Cloudward&algorithm=SHA1&digits="
                + Totp.DIGITS + "&period=" + Totp.PERIOD_SECONDS;
    }
}
