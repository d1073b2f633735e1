package io.cloudward.sandbox.identity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4, checked the way AWS checks it: the canonical request is rebuilt from what
 * arrived on the wire and signed with the secret of the key named in the credential scope.
 * Non-S3 services sign the URI path encoded twice; S3 signs it as sent and carries the payload hash in
 * {@code x-amz-content-sha256} (a hex digest, {@code UNSIGNED-PAYLOAD} or a {@code STREAMING-…} marker).
 */
public final class SigV4 {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final Map<String, byte[]> SIGNING_KEYS = new ConcurrentHashMap<>();

    /** The parsed {@code Authorization} header. */
    public record Authorization(String accessKeyId, String date, String region, String service,
                                List<String> signedHeaders, String signature) {
    }

    private SigV4() {
    }

    /** Parses {@code AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…}. */
    public static Authorization parse(String header) {
        if (!header.startsWith(ALGORITHM + " ")) {
            throw incomplete("Unsupported authorization type; only " + ALGORITHM + " is supported");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : header.substring(ALGORITHM.length() + 1).split(",")) {
            String item = part.trim();
            int eq = item.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String value = item.substring(eq + 1).trim();
            switch (item.substring(0, eq).trim()) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default -> {
                }
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw incomplete("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature'");
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !scope[4].equals("aws4_request")) {
            throw incomplete("Credential should be scoped to a valid region, service and aws4_request");
        }
        return new Authorization(scope[0], scope[1], scope[2], scope[3], List.of(signedHeaders.split(";")),
                signature);
    }

    /**
     * Whether {@code auth.signature()} is the signature of this request under {@code secret}.
     *
     * @param headers     all values of a header by lower-case name (empty list when absent)
     * @param payloadHash hex SHA-256 of the body, or the literal the client put in x-amz-content-sha256
     */
    public static boolean verify(Authorization auth, String secret, String method, String rawPath, String rawQuery,
                                 Function<String, List<String>> headers, String payloadHash, boolean s3) {
        String amzDate = first(headers.apply("x-amz-date"));
        if (amzDate == null) {
            amzDate = first(headers.apply("date"));
        }
        if (amzDate == null) {
            throw incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header");
        }
        String canonical = canonicalRequest(method, rawPath, rawQuery, headers, auth.signedHeaders(), payloadHash, s3);
        String scope = auth.date() + "/" + auth.region() + "/" + auth.service() + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonical);
        byte[] key = signingKey(secret, auth.date(), auth.region(), auth.service());
        String expected = HEX.formatHex(hmac(key, stringToSign));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII));
    }

    static String canonicalRequest(String method, String rawPath, String rawQuery,
                                   Function<String, List<String>> headers, List<String> signedHeaders,
                                   String payloadHash, boolean s3) {
        StringBuilder out = new StringBuilder(512);
        out.append(method).append('\n');
        String path = rawPath.isEmpty() ? "/" : rawPath;
        out.append(s3 ? path : encode(path, true)).append('\n');
        out.append(canonicalQuery(rawQuery)).append('\n');
        for (String name : signedHeaders) {
            out.append(name).append(':');
            List<String> values = headers.apply(name);
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendCollapsed(out, values.get(i).trim());
            }
            out.append('\n');
        }
        out.append('\n').append(String.join(";", signedHeaders)).append('\n').append(payloadHash);
        return out.toString();
    }

    /** A header value with each run of white space as one space, as the canonical form wants. */
    private static void appendCollapsed(StringBuilder out, String value) {
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[] {encode(percentDecode(key), false), encode(percentDecode(value), false)});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder out = new StringBuilder();
        for (String[] pair : pairs) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    /** RFC 3986 encoding as SigV4 wants it: unreserved characters kept, everything else {@code %XX}. */
    public static String encode(String text, boolean keepSlash) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.' || c == '~' || keepSlash && c == '/') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /** Decodes {@code %XX} escapes only; a {@code +} stays a plus, as in SigV4 (not form decoding). */
    public static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    bytes.write(hi << 4 | lo);
                    i += 2;
                    continue;
                }
            }
            byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            bytes.write(raw, 0, raw.length);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    public static String sha256Hex(byte[] data) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return HEX.formatHex(digest.digest(data));
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] signingKey(String secret, String date, String region, String service) {
        String cacheKey = secret + '/' + date + '/' + region + '/' + service;
        byte[] key = SIGNING_KEYS.get(cacheKey);
        if (key == null) {
            if (SIGNING_KEYS.size() > 10_000) {
                SIGNING_KEYS.clear();
            }
            byte[] dateKey = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
            key = hmac(hmac(hmac(dateKey, region), service), "aws4_request");
            SIGNING_KEYS.put(cacheKey, key);
        }
        return key;
    }

    public static byte[] hmac(byte[] key, String data) {
        Mac mac = HMAC.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    /** A malformed signature: each protocol answers it with its own IncompleteSignature error. */
    private static IllegalArgumentException incomplete(String message) {
        return new IllegalArgumentException(message);
    }
}
