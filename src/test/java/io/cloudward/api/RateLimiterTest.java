package io.cloudward.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    @Test
    void callersHaveSeparateBudgets() {
        RateLimiter limiter = new RateLimiter(3);
        assertEquals(2, limiter.take("a").remaining());
        assertTrue(limiter.take("a").allowed());
        assertTrue(limiter.take("a").allowed());
        RateLimiter.Decision over = limiter.take("a");
        assertFalse(over.allowed());
        assertEquals(0, over.remaining());
        assertTrue(over.resetSeconds() >= 1 && over.resetSeconds() <= 60);
        assertTrue(limiter.take("b").allowed(), "another caller is unaffected");
    }
}
