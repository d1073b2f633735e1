package io.cloudward.checks.cloudtrail;

import io.cloudward.checks.CheckResult;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.AccountTrails;
import io.cloudward.collect.snapshot.TrailFacts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cloudward.checks.CheckStatus.FAIL;
import static io.cloudward.checks.CheckStatus.PASS;
import static io.cloudward.checks.Fixtures.ACCOUNT;
import static io.cloudward.checks.Fixtures.assertResult;
import static io.cloudward.checks.Fixtures.context;
import static io.cloudward.checks.cloudtrail.TrailBuilder.trail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CloudTrailMultiRegionTrailLoggingTest {

    private final CloudTrailMultiRegionTrailLogging check = new CloudTrailMultiRegionTrailLogging();

    @Test
    void passesWithALoggingMultiRegionTrail() {
        CheckResult result = assertResult(check.evaluate(new AccountTrails(List.of(trail("local").singleRegion().build(),
                trail("org").build())), context()), PASS, "Multi-region trail org is logging");
        assertEquals(ResourceRef.account(ACCOUNT), result.resource());
    }

    @Test
    void failsWithoutAnyTrail() {
        assertResult(check.evaluate(new AccountTrails(List.of()), context()), FAIL, "has no CloudTrail trail", "90 days");
    }

    @Test
    void failsWithOnlySingleRegionTrails() {
        assertResult(check.evaluate(new AccountTrails(List.of(trail("local").singleRegion().build())), context()), FAIL,
                "only single-region trails (local (us-east-1))");
    }

    @Test
    void explainsWhyEachMultiRegionTrailFallsShort() {
        TrailFacts writeOnly = trail("writes").selectors(TrailFacts.Selectors.basic(
                new TrailFacts.EventSelector("WriteOnly", true, List.of()))).build();
        assertResult(check.evaluate(new AccountTrails(List.of(trail("stopped").notLogging().build(), writeOnly)), context()),
                FAIL, "stopped is not logging", "writes records only write management events");
    }

    @Test
    void rejectsShadowCopiesOfTheSameTrail() {
        assertThrows(IllegalArgumentException.class,
                () -> new AccountTrails(List.of(trail("org").build(), trail("org").build())));
    }
}
