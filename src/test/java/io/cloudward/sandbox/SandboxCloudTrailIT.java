package io.cloudward.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.InvalidLookupAttributesException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidTimeRangeException;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.cloudtrail.model.TrailNotFoundException;

class SandboxCloudTrailIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SandboxFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture(SandboxSettings.defaults().withPort(0).withLookupEventsPerSecond(0));
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    private static CloudTrailClient client(String account, Region region) {
        return fixture.track(fixture.factory.create(CloudTrailClient.builder(), region, fixture.role(account)));
    }

    @Test
    void multiRegionTrailShowsAsShadowTrailOutsideItsHomeRegion() {
        CloudTrailClient frankfurt = client(SandboxFixture.WELL_RUN, Region.EU_CENTRAL_1);
        Trail home = frankfurt.describeTrails(r -> r.includeShadowTrails(false)).trailList().get(0);
        assertEquals("organization-trail", home.name());
        assertTrue(home.isMultiRegionTrail());
        assertTrue(home.logFileValidationEnabled());
        assertTrue(home.isOrganizationTrail());
        assertEquals("eu-central-1", home.homeRegion());
        CloudTrailClient tokyo = client(SandboxFixture.WELL_RUN, Region.AP_NORTHEAST_1);
        assertTrue(tokyo.describeTrails(r -> r.includeShadowTrails(false)).trailList().isEmpty());
        List<Trail> shadows = tokyo.describeTrails(r -> r.includeShadowTrails(true)).trailList();
        assertEquals(List.of(home.trailARN()), shadows.stream().map(Trail::trailARN).toList());
        GetTrailStatusResponse status = tokyo.getTrailStatus(r -> r.name(home.trailARN()));
        assertTrue(status.isLogging());
        assertThrows(TrailNotFoundException.class, () -> tokyo.getTrailStatus(r -> r.name("organization-trail")));
        EventSelector selector = tokyo.getEventSelectors(r -> r.trailName(home.trailARN())).eventSelectors().get(0);
        assertEquals(ReadWriteType.ALL, selector.readWriteType());
        assertTrue(selector.includeManagementEvents());
    }

    @Test
    void stoppedTrailReportsWhenItStopped() {
        CloudTrailClient cloudTrail = client(SandboxFixture.CODESPACES, Region.EU_WEST_1);
        GetTrailStatusResponse status = cloudTrail.getTrailStatus(r -> r.name("main"));
        assertFalse(status.isLogging());
        Instant stopped = status.stopLoggingTime();
        assertTrue(Duration.between(stopped, Instant.now()).toMinutes() > 230);
        CloudTrailClient none = client(SandboxFixture.BLIND_SPOTS, Region.EU_WEST_1);
        assertEquals("AccessDenied", none.getTrailStatus(r -> r.name("main")).latestDeliveryError());
    }

    @Test
    void lookupEventsFindsTheAttackAndCarriesTheRecordAsJsonText() throws Exception {
        CloudTrailClient cloudTrail = client(SandboxFixture.CODESPACES, Region.EU_WEST_1);
        List<Event> stopLogging = cloudTrail.lookupEventsPaginator(r -> r.lookupAttributes(LookupAttribute.builder()
                .attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("StopLogging").build())).events()
                .stream().toList();
        assertEquals(1, stopLogging.size());
        Event event = stopLogging.get(0);
        assertEquals("cloudtrail.amazonaws.com", event.eventSource());
        assertEquals("ops-admin", event.username());
        assertEquals("main", event.resources().get(0).resourceName());
        JsonNode record = JSON.readTree(event.cloudTrailEvent());
        assertEquals("StopLogging", record.path("eventName").asText());
        assertEquals("185.220.101.47", record.path("sourceIPAddress").asText());
        assertEquals("IAMUser", record.path("userIdentity").path("type").asText());
        assertEquals("111111111111", record.path("recipientAccountId").asText());

        List<String> attack = cloudTrail.lookupEventsPaginator(r -> r.lookupAttributes(LookupAttribute.builder()
                        .attributeKey(LookupAttributeKey.USERNAME).attributeValue("ops-admin").build())
                        .startTime(Instant.now().minus(Duration.ofHours(5))))
                .events().stream().map(Event::eventName)
                .filter(name -> Set.of("TerminateInstances", "DeleteBackupVault", "DeleteRecoveryPoint", "DeleteDetector",
                        "StopLogging").contains(name))
                .toList();
        assertEquals(List.of("TerminateInstances", "DeleteBackupVault", "DeleteRecoveryPoint", "DeleteRecoveryPoint",
                "DeleteRecoveryPoint", "DeleteDetector", "StopLogging"), attack);

        CloudTrailClient global = client(SandboxFixture.CODESPACES, Region.US_EAST_1);
        List<Event> logins = global.lookupEventsPaginator(r -> r.lookupAttributes(LookupAttribute.builder()
                .attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("ConsoleLogin").build())).events()
                .stream().filter(e -> e.eventTime().isAfter(Instant.now().minus(Duration.ofHours(7)))).toList();
        JsonNode rootLogin = JSON.readTree(logins.stream().filter(e -> e.username().equals("root")).findFirst()
                .orElseThrow().cloudTrailEvent());
        assertEquals("Root", rootLogin.path("userIdentity").path("type").asText());
        assertEquals("No", rootLogin.path("additionalEventData").path("MFAUsed").asText());
    }

    @Test
    void lookupEventsPagesBackThroughNinetyDaysOfHistory() {
        CloudTrailClient cloudTrail = client(SandboxFixture.WELL_RUN, Region.EU_CENTRAL_1);
        Set<String> ids = new HashSet<>();
        int[] pages = {0};
        Instant[] previous = {Instant.MAX};
        cloudTrail.lookupEventsPaginator(r -> r.maxResults(50).startTime(Instant.now().minus(Duration.ofDays(10))))
                .forEach(page -> {
                    pages[0]++;
                    assertTrue(page.events().size() <= 50);
                    for (Event event : page.events()) {
                        assertFalse(event.eventTime().isAfter(previous[0]), "newest first");
                        previous[0] = event.eventTime();
                        assertTrue(ids.add(event.eventId()), "no event twice");
                    }
                });
        assertTrue(pages[0] > 3, "routine activity fills several pages: " + ids.size());
        List<Event> last = cloudTrail.lookupEvents(r -> r.maxResults(1)
                .endTime(Instant.now().minus(Duration.ofDays(89)))).events();
        assertEquals(1, last.size());
        assertNull(cloudTrail.lookupEvents(r -> r.maxResults(50)
                .endTime(Instant.now().minus(Duration.ofDays(91)))).nextToken());
    }

    @Test
    void lookupEventsRefusesWhatAwsRefuses() {
        CloudTrailClient cloudTrail = client(SandboxFixture.WELL_RUN, Region.EU_CENTRAL_1);
        assertThrows(InvalidLookupAttributesException.class, () -> cloudTrail.lookupEvents(r -> r.lookupAttributes(
                LookupAttribute.builder().attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("A").build(),
                LookupAttribute.builder().attributeKey(LookupAttributeKey.USERNAME).attributeValue("B").build())));
        assertThrows(InvalidTimeRangeException.class, () -> cloudTrail.lookupEvents(r -> r
                .startTime(Instant.now()).endTime(Instant.now().minus(Duration.ofDays(1)))));
    }
}
