package io.cloudward.sandbox.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudward.sandbox.identity.ActionPatterns;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxProtocolTest {

    @Test
    void xmlTextIsEscaped() {
        String xml = XmlWriter.document("R", "urn:x").element("Name", "<script>alert('1') & \"x\"</script>\u0001")
                .finish();
        assertTrue(xml.contains("<Name>&lt;script&gt;alert(&apos;1&apos;) &amp; &quot;x&quot;&lt;/script&gt;\uFFFD</Name>"),
                xml);
    }

    @Test
    void timestampsInEachProtocolsFormat() {
        Instant instant = Instant.parse("2025-01-02T03:04:05Z");
        assertEquals("2025-01-02T03:04:05.000Z", Timestamps.iso(instant));
        assertEquals("2025-01-02T03:04:05Z", Timestamps.isoSeconds(instant.plusMillis(250)));
        assertEquals("1735787045", Timestamps.epochSeconds(instant).toPlainString());
        assertEquals("1735787045.25", Timestamps.epochSeconds(instant.plusMillis(250)).toPlainString());
        assertEquals(instant, Timestamps.parseText("1735787045"));
        assertEquals(instant, Timestamps.parseText("2025-01-02T03:04:05Z"));
    }

    @Test
    void pageTokensBelongToTheirListing() {
        List<Integer> items = List.of(1, 2, 3, 4, 5);
        PageToken.Page<Integer> first = PageToken.page(items, null, 2, "listing", () -> new AwsError("Bad", 400, "bad"));
        assertEquals(List.of(1, 2), first.items());
        PageToken.Page<Integer> second = PageToken.page(items, first.nextToken(), 2, "listing",
                () -> new AwsError("Bad", 400, "bad"));
        assertEquals(List.of(3, 4), second.items());
        PageToken.Page<Integer> last = PageToken.page(items, second.nextToken(), 2, "listing",
                () -> new AwsError("Bad", 400, "bad"));
        assertNull(last.nextToken());
        assertThrows(AwsError.class, () -> PageToken.page(items, first.nextToken(), 2, "other listing",
                () -> new AwsError("Bad", 400, "bad")));
        assertThrows(AwsError.class, () -> PageToken.page(items, "garbage!", 2, "listing",
                () -> new AwsError("Bad", 400, "bad")));
    }

    @Test
    void queryListsAndFilters() {
        QueryParams params = QueryParams.parse("Action=DescribeInstances&InstanceId.2=i-b&InstanceId.1=i-a"
                + "&Filter.1.Name=tag%3AName&Filter.1.Value.1=web*&Filter.2.Name=instance-state-name"
                + "&Filter.2.Value.1=running&Filter.2.Value.2=stopped");
        assertEquals(List.of("i-a", "i-b"), params.list("InstanceId"));
        List<Filter> filters = params.filters("Filter", "Value");
        assertEquals("tag:Name", filters.get(0).name());
        assertTrue(filters.get(0).matchesAny(List.of("web-1")));
        assertFalse(filters.get(0).matchesAny(List.of("db-1")));
        assertEquals(List.of("running", "stopped"), filters.get(1).values());
    }

    @Test
    void awsChunkedBodiesAreUnframed() {
        byte[] framed = ("5;chunk-signature=" + "a".repeat(64) + "\r\nhello\r\n"
                + "6;chunk-signature=" + "b".repeat(64) + "\r\n world\r\n"
                + "0;chunk-signature=" + "c".repeat(64) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        AwsRequest request = new AwsRequest("PUT", "/bucket/key", "", Map.of(
                "content-encoding", List.of("aws-chunked"),
                "x-amz-content-sha256", List.of("STREAMING-AWS4-HMAC-SHA256-PAYLOAD")), framed);
        assertEquals("hello world", new String(request.body(), StandardCharsets.US_ASCII));
        assertEquals(framed.length, request.rawBody().length, "the signature covers the framed body");
        assertThrows(AwsError.class, () -> new AwsRequest("PUT", "/b/k", "", Map.of("content-encoding",
                List.of("aws-chunked")), "zz;x\r\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void actionPatternsMatchLikeIam() {
        List<String> policy = List.of("guardduty:List*", "ec2:Describe?nstances", "S3:GetBucketPolicyStatus");
        assertTrue(ActionPatterns.allows(policy, "guardduty:ListFindings"));
        assertFalse(ActionPatterns.allows(policy, "guardduty:GetFindings"));
        assertTrue(ActionPatterns.allows(policy, "ec2:DescribeInstances"));
        assertTrue(ActionPatterns.allows(policy, "s3:getbucketpolicystatus"));
        assertTrue(ActionPatterns.allows(List.of("*"), "iam:GetAccountSummary"));
    }

    @Test
    void errorDocumentsCarryTheCodeWhereEachSdkLooksForIt() {
        AwsError error = new AwsError("Throttling", 400, "Rate exceeded");
        String query = new String(Protocol.QUERY.error(error, "id-1", "urn:ns").body());
        assertTrue(query.contains("<ErrorResponse xmlns=\"urn:ns\"><Error><Type>Sender</Type><Code>Throttling</Code>"));
        String ec2 = new String(Protocol.EC2.error(error, "id-1", null).body());
        assertTrue(ec2.contains("<Response><Errors><Error><Code>Throttling</Code>"));
        Response json = Protocol.JSON.error(error, "id-1", null);
        assertEquals("Throttling", json.headers().get("x-amzn-ErrorType"));
        assertTrue(new String(json.body()).contains("\"__type\":\"Throttling\""));
    }
}
