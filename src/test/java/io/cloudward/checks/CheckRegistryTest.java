package io.cloudward.checks;

import io.cloudward.checks.guardduty.GuardDutyEnabled;
import io.cloudward.collect.snapshot.DetectorFacts;
import io.cloudward.collect.snapshot.SecurityGroupFacts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.cloudward.checks.Fixtures.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckRegistryTest {

    private final CheckRegistry registry = CheckRegistry.standard();

    @Test
    void shipsAtLeastThirtyFiveChecksWithUniqueIds() {
        List<String> ids = registry.checks().stream().map(Check::id).toList();
        assertTrue(ids.size() >= 35, "only " + ids.size() + " checks");
        assertEquals(ids.size(), Set.copyOf(ids).size());
    }

    @Test
    void everyCheckIdIsItsClassName() {
        registry.checks().forEach(check -> assertEquals(check.getClass().getSimpleName(), check.id()));
    }

    @Test
    void everyCheckHasCompleteMetadata() {
        for (Check<?> check : registry.checks()) {
            CheckMetadata metadata = registry.metadata(check.id());
            String id = check.id();
            assertEquals(id, metadata.id());
            assertFalse(metadata.title().isBlank(), id + " title");
            assertFalse(metadata.risk().isBlank(), id + " risk");
            assertTrue(metadata.remediation().text().length() > 20, id + " remediation text");
            assertFalse(metadata.remediation().console().isEmpty(), id + " console steps");
            assertFalse(metadata.references().isEmpty(), id + " references");
            metadata.references().forEach(url -> assertTrue(url.startsWith("https://docs.aws.amazon.com/"), id + " " + url));
            assertEquals(metadata.category(), Category.fromSlug(metadata.category().slug()), id + " category");
            assertEquals(check.variants(), metadata.variants().keySet(), id + " variants");
        }
    }

    @Test
    void everyCategoryHasChecks() {
        Set<Category> used = registry.checks().stream().map(check -> registry.metadata(check.id()).category())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class)));
        assertEquals(EnumSet.allOf(Category.class), used);
    }

    @Test
    void complianceIdsAreWellFormed() {
        registry.checks().stream().map(check -> registry.metadata(check.id()).compliance()).forEach(compliance -> {
            compliance.cis().forEach(id -> assertTrue(id.matches("CIS \\d+(\\.\\d+)+"), id));
            compliance.fsbp().forEach(id -> assertTrue(id.matches("[A-Z][A-Za-z0-9]*\\.\\d+"), id));
        });
        assertEquals(List.of("CIS 3.1"), registry.metadata("CloudTrailMultiRegionTrailLogging").compliance().cis());
        assertEquals(List.of("GuardDuty.1"), registry.metadata("GuardDutyEnabled").compliance().fsbp());
        assertTrue(registry.cisBenchmark().contains("v3.0.0"));
    }

    @Test
    void inputTypesArePlainSnapshotRecords() {
        for (Class<?> type : registry.inputTypes()) {
            assertTrue(type.isRecord(), type + " is not a record");
            assertEquals("io.cloudward.collect.snapshot", type.getPackageName(), type.getName());
            Arrays.stream(type.getRecordComponents()).forEach(component ->
                    assertFalse(component.getType().getName().startsWith("software.amazon"), type + "." + component.getName()));
        }
    }

    @Test
    void routesInputsByType() {
        List<String> groupChecks = registry.checksFor(SecurityGroupFacts.class).stream().map(Check::id).toList();
        assertEquals(List.of("SecurityGroupOpenSsh", "SecurityGroupOpenRdp", "SecurityGroupOpenDatabasePorts",
                "SecurityGroupOpenAdminServicePorts", "SecurityGroupOpenAllPorts"), groupChecks);
        assertTrue(registry.checksFor(String.class).isEmpty());
    }

    @Test
    void evaluatesEveryCheckOfTheInputType() {
        List<CheckResult> results = registry.evaluate(DetectorFacts.absent("eu-west-3"), context());
        assertEquals(registry.checksFor(DetectorFacts.class).size(), results.size());
        CheckResult enabled = results.stream().filter(r -> r.checkId().equals("GuardDutyEnabled")).findFirst().orElseThrow();
        assertEquals(CheckStatus.FAIL, enabled.status());
        results.stream().filter(r -> !r.checkId().equals("GuardDutyEnabled"))
                .forEach(r -> assertEquals(CheckStatus.NOT_APPLICABLE, r.status(), r.checkId()));
        assertThrows(IllegalArgumentException.class, () -> registry.evaluate("not a snapshot", context()));
    }

    @Test
    void severityOfResultFollowsItsVariant() {
        CheckResult permissive = new CheckResult("SecurityGroupOpenDatabasePorts", CheckStatus.FAIL,
                ResourceRef.account(Fixtures.ACCOUNT), "open", Evidence.none(), "PERMISSIVE");
        assertEquals(Severity.MEDIUM, registry.severityOf(permissive));
        assertEquals(Severity.CRITICAL, registry.severityOf(permissive.withVariant("EXPOSED")));
        CheckResult plain = new CheckResult("GuardDutyEnabled", CheckStatus.FAIL, ResourceRef.account(Fixtures.ACCOUNT),
                "off", Evidence.none(), null);
        assertEquals(Severity.HIGH, registry.severityOf(plain));
        assertThrows(IllegalArgumentException.class, () -> registry.severityOf(permissive.withVariant("UNKNOWN")));
    }

    @Test
    void findsChecksById() {
        assertTrue(registry.find("RootMfaEnabled").isPresent());
        assertEquals(Optional.empty(), registry.find("NoSuchCheck"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> registry.metadata("NoSuchCheck"));
        assertTrue(unknown.getMessage().contains("NoSuchCheck"));
    }

    @Test
    void refusesCheckWithoutMetadata() throws IOException {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> CheckRegistry.of(List.of(new GuardDutyEnabled()), catalog("OtherCheck")));
        assertTrue(error.getMessage().contains("GuardDutyEnabled has no entry"), error.getMessage());
    }

    @Test
    void refusesMetadataWithoutCheck() throws IOException {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> CheckRegistry.of(List.of(new GuardDutyEnabled()), catalog("GuardDutyEnabled", "OrphanCheck")));
        assertTrue(error.getMessage().contains("OrphanCheck"), error.getMessage());
    }

    @Test
    void refusesDuplicateChecks() throws IOException {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> CheckRegistry.of(List.of(new GuardDutyEnabled(), new GuardDutyEnabled()), catalog("GuardDutyEnabled")));
        assertTrue(error.getMessage().contains("registered twice"), error.getMessage());
    }

    @Test
    void refusesVariantsWithoutSeverity() throws IOException {
        Check<?> exposureCheck = registry.find("SecurityGroupOpenSsh").orElseThrow();
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> CheckRegistry.of(List.of(exposureCheck), catalog("SecurityGroupOpenSsh")));
        assertTrue(error.getMessage().contains("SecurityGroupOpenSsh declares variants"), error.getMessage());
    }

    @Test
    void aThrowingCheckIsNamedInTheError() throws IOException {
        CheckRegistry withBug = CheckRegistry.of(List.of(new Exploding()), catalog("Exploding"));
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> withBug.evaluate(DetectorFacts.absent("eu-west-1"), context()));
        assertTrue(error.getMessage().startsWith("Check Exploding failed on a DetectorFacts of account 123456789012"),
                error.getMessage());
    }

    /** A check with a bug, to show how the registry reports it. */
    static final class Exploding extends AbstractCheck<DetectorFacts> {
        Exploding() {
            super(DetectorFacts.class);
        }

        @Override
        public CheckResult evaluate(DetectorFacts input, CheckContext context) {
            throw new IllegalStateException("boom");
        }
    }

    /** A catalog with a minimal valid entry for each id. */
    static MetadataCatalog catalog(String... ids) throws IOException {
        String entries = Arrays.stream(ids).map(id -> "\"" + id + "\": " + MetadataCatalogTest.ENTRY).collect(Collectors.joining(","));
        return MetadataCatalog.parse(new ByteArrayInputStream(("{\"cisBenchmark\":\"CIS v3.0.0\",\"checks\":{" + entries + "}}")
                .getBytes(StandardCharsets.UTF_8)));
    }
}
