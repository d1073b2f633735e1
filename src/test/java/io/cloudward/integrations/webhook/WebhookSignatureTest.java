package io.cloudward.integrations.webhook;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {

    @Test
    void knownVectorAndVerification() {
        // echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
        String header = WebhookSignature.header("whsec_test", 1_700_000_000L, "{\"a\":1}");
        assertEquals("t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789", header);
        assertTrue(WebhookSignature.verify("whsec_test", header, "{\"a\":1}", 1_700_000_100L, 300));
        assertFalse(WebhookSignature.verify("whsec_test", header, "{\"a\":2}", 1_700_000_100L, 300), "body changed");
        assertFalse(WebhookSignature.verify("other", header, "{\"a\":1}", 1_700_000_100L, 300), "wrong secret");
        assertFalse(WebhookSignature.verify("whsec_test", header, "{\"a\":1}", 1_700_001_000L, 300), "too old");
    }
}
