package io.cloudward.aws;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRateLimiterTest {

    @Test
    void spacesCallsOfALimitedApiPerAccountAndRegion() throws InterruptedException {
        ApiRateLimiter limiter = new ApiRateLimiter(Map.of("cloudtrail:LookupEvents", 20.0));
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            limiter.acquire("111111111111", "eu-west-1", "cloudtrail:LookupEvents");
        }
        long spaced = System.nanoTime() - start;
        assertTrue(spaced >= 190_000_000L, "five calls at 20/s take at least four gaps of 50 ms, took " + spaced);

        long other = System.nanoTime();
        limiter.acquire("111111111111", "us-east-1", "cloudtrail:LookupEvents");
        limiter.acquire("111111111111", "eu-west-1", "ec2:DescribeVolumes");
        assertTrue(System.nanoTime() - other < 40_000_000L, "another region and an unlimited API do not wait");
    }
}
