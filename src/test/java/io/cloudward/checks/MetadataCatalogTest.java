package io.cloudward.checks;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetadataCatalogTest {

    static final String ENTRY = """
            {"title": "Something is on", "severity": "high", "category": "logging",
             "risk": "Without it you are blind.",
             "remediation": {"text": "Turn it on in the console.", "console": ["Open it", "Turn it on"]},
             "references": ["https://docs.aws.amazon.com/x.html"],
             "compliance": {"cis": ["CIS 3.1"], "fsbp": ["CloudTrail.1"]}}""";

    @Test
    void parsesAnEntry() throws IOException {
        CheckMetadata entry = parse(ENTRY).entries().get("Sample");
        assertEquals(Severity.HIGH, entry.severity());
        assertEquals(Category.LOGGING, entry.category());
        assertEquals(Optional.empty(), entry.remediation().cli());
        assertEquals("CIS 3.1", entry.compliance().cis().getFirst());
        assertEquals(Severity.HIGH, entry.severityFor(null));
    }

    @Test
    void readsVariantsAndCli() throws IOException {
        CheckMetadata entry = parse(ENTRY.replace("\"console\"", "\"cli\": \"aws x\", \"console\"")
                .replace("\"title\"", "\"variants\": {\"EXPOSED\": \"CRITICAL\"}, \"title\"")).entries().get("Sample");
        assertEquals(Optional.of("aws x"), entry.remediation().cli());
        assertEquals(Severity.CRITICAL, entry.severityFor("EXPOSED"));
    }

    @Test
    void namesTheCheckAndFieldOfABadEntry() {
        assertRejected(ENTRY.replace("\"risk\": \"Without it you are blind.\",", ""), "check Sample: 'risk' is missing");
        assertRejected(ENTRY.replace("\"logging\"", "\"networking\""), "check Sample has an invalid category");
        assertRejected(ENTRY.replace("\"high\"", "\"severe\""), "check Sample has an invalid severity");
        assertRejected(ENTRY.replace("\"CIS 3.1\"", "\"3.1\""), "malformed CIS id '3.1'");
        assertRejected(ENTRY.replace("https://docs", "http://docs"), "not an https URL");
        assertRejected(ENTRY.replace("[\"Open it\", \"Turn it on\"]", "[]"), "'console' must be a non-empty list");
        assertRejected(ENTRY.replace("\"title\"", "\"titel\": \"typo\", \"title\""), "unknown field 'titel'");
    }

    @Test
    void loadsTheShippedFile() {
        assertTrue(MetadataCatalog.load().entries().size() >= 35);
    }

    private static void assertRejected(String entry, String expected) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> parse(entry));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    private static MetadataCatalog parse(String entry) throws IOException {
        String json = "{\"cisBenchmark\": \"CIS v3.0.0\", \"checks\": {\"Sample\": " + entry + "}}";
        return MetadataCatalog.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
