package io.cloudward.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 6238 appendix B (the SHA-1 rows) and the base32 that authenticator apps use. */
class TotpTest {
    /** The RFC's SHA-1 key, the ASCII digits "12345678901234567890", in base32. */
    private static final String RFC_KEY_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T = {0} s gives {1}")
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void matchesTheRfcTestVectors(long seconds, String eightDigits) {
        assertEquals(eightDigits, Totp.code(RFC_KEY, seconds / Totp.PERIOD_SECONDS, 8));
        assertEquals(eightDigits.substring(2), Totp.code(RFC_KEY_BASE32, Instant.ofEpochSecond(seconds)),
                "six digits are the last six of the RFC's eight");
    }

    @Test
    void decodesBase32AsAuthenticatorAppsWriteIt() {
        assertArrayEquals(RFC_KEY, Totp.base32Decode(RFC_KEY_BASE32));
        assertArrayEquals(RFC_KEY, Totp.base32Decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
        assertArrayEquals("f".getBytes(StandardCharsets.US_ASCII), Totp.base32Decode("MY======"));
        assertThrows(IllegalArgumentException.class, () -> Totp.base32Decode("GEZ1"));
    }

    @Test
    void codesStayTheSameWithinAStepAndChangeWithTheNext() {
        Instant start = Instant.ofEpochSecond(1_700_000_010);
        assertEquals(Totp.code(RFC_KEY_BASE32, start), Totp.code(RFC_KEY_BASE32, start.plusSeconds(29)));
        assertNotEquals(Totp.code(RFC_KEY_BASE32, start), Totp.code(RFC_KEY_BASE32, start.plusSeconds(30)));
    }

    @Test
    void neverHandsOutTheSameStepTwice() {
        String first = Totp.unusedCode(RFC_KEY_BASE32);
        long before = System.nanoTime();
        String second = Totp.unusedCode(RFC_KEY_BASE32);
        assertNotEquals(first, second, "the second code must come from the next 30-second step");
        assertEquals(Totp.now(RFC_KEY_BASE32), second);
        assertTrue(System.nanoTime() - before <= 31_000_000_000L, "waits at most one step");
    }

    @Test
    void alicesSecretIsAUsableKey() {
        assertEquals(20, Totp.base32Decode(DemoUsers.ALICE_OTP_SECRET).length, "a 160-bit key as RFC 4226 advises");
        assertEquals("otpauth://totp/Cloudward%3Aalice?secret=" + DemoUsers.ALICE_OTP_SECRET
                + "&issuer=Cloudward&algorithm=SHA1&digits=6&period=30", DemoUsers.otpAuthUri(DemoUsers.ALICE));
    }
}
