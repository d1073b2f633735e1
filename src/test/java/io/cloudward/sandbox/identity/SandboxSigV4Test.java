package io.cloudward.sandbox.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Our SigV4 check against signatures made by the AWS SDK's own signer. */
class SandboxSigV4Test {

    private static final String KEY = "AKIACLOUDWARDHUB0001";
    private static final String SECRET = "cloudwardSandboxHubSecretAccessKey000001";

    @Test
    void acceptsWhatTheSdkSignsForAJsonService() {
        SignedRequest signed = sign(SdkHttpMethod.POST, "http://localhost:4566/detector/abc%2Fdef/findings",
                "{\"maxResults\":50}", "guardduty", true);
        assertTrue(verify(signed, "{\"maxResults\":50}", SECRET, false));
        assertFalse(verify(signed, "{\"maxResults\":50}", "x".repeat(40), false));
        assertFalse(verify(signed, "{\"maxResults\":49}", SECRET, false), "the body is covered");
    }

    @Test
    void acceptsQueryStringsWithCharactersThatNeedEncoding() {
        SignedRequest signed = sign(SdkHttpMethod.GET,
                "http://localhost:4566/backup-jobs/?createdAfter=2025-01-01T00%3A00%3A00Z&state=FAILED&b=a%20b%2Bc",
                "", "backup", true);
        assertTrue(verify(signed, "", SECRET, false));
    }

    @Test
    void acceptsS3PathsSignedAsSent() {
        SignedRequest signed = sign(SdkHttpMethod.GET, "http://localhost:4566/my-bucket?policyStatus", "", "s3", false);
        assertTrue(verify(signed, "", SECRET, true));
    }

    @Test
    void malformedAuthorizationHeadersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SigV4.parse("AWS AKIA:abc"));
        assertThrows(IllegalArgumentException.class, () -> SigV4.parse("AWS4-HMAC-SHA256 Credential=AKIA/20250101/us-east-1"
                + "/sts, SignedHeaders=host, Signature=00"));
        SigV4.Authorization parsed = SigV4.parse("AWS4-HMAC-SHA256 Credential=AKIA/20250101/eu-west-1/ec2/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=00ff");
        assertEquals("ec2", parsed.service());
        assertEquals("eu-west-1", parsed.region());
        assertEquals(List.of("host", "x-amz-date"), parsed.signedHeaders());
    }

    @Test
    void encodingFollowsRfc3986() {
        assertEquals("a%20b%2Bc~_-.", SigV4.encode("a b+c~_-.", false));
        assertEquals("/a/b%25c", SigV4.encode("/a/b%c", true));
        assertEquals("a+b c", SigV4.percentDecode("a+b%20c"));
    }

    private static SignedRequest sign(SdkHttpMethod method, String url, String body, String service, boolean doubleEncode) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(method).uri(URI.create(url))
                .putHeader("Content-Type", "application/x-amz-json-1.1").build();
        return AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(KEY, SECRET))
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, doubleEncode)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, doubleEncode));
    }

    private static boolean verify(SignedRequest signed, String body, String secret, boolean s3) {
        SdkHttpRequest request = signed.request();
        Map<String, List<String>> headers = new HashMap<>();
        request.forEachHeader((name, values) -> headers.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                n -> new ArrayList<>()).addAll(values));
        headers.putIfAbsent("host", List.of(request.host() + ":" + request.port()));
        SigV4.Authorization auth = SigV4.parse(request.firstMatchingHeader("Authorization").orElseThrow());
        String declared = request.firstMatchingHeader("x-amz-content-sha256").orElse(null);
        String payloadHash = declared != null && !declared.matches("[0-9a-f]{64}") ? declared
                : SigV4.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
        URI uri = request.getUri();
        return SigV4.verify(auth, secret, request.method().name(), uri.getRawPath(), uri.getRawQuery(),
                name -> headers.getOrDefault(name, List.of()), payloadHash, s3);
    }
}
