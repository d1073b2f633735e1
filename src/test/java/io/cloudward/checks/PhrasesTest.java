package io.cloudward.checks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhrasesTest {

    @Test
    void listsReadNaturally() {
        assertEquals("", Phrases.list(List.of(), 3));
        assertEquals("a", Phrases.list(List.of("a"), 3));
        assertEquals("a and b", Phrases.list(List.of("a", "b"), 3));
        assertEquals("a, b and c", Phrases.list(List.of("a", "b", "c"), 3));
        assertEquals("a, b and 2 more", Phrases.list(List.of("a", "b", "c", "d"), 2));
    }

    @Test
    void agesRoundDown() {
        assertEquals("less than an hour", Phrases.age(Duration.ofMinutes(59)));
        assertEquals("1 hour", Phrases.age(Duration.ofMinutes(61)));
        assertEquals("47 hours", Phrases.age(Duration.ofHours(47)));
        assertEquals("2 days", Phrases.age(Duration.ofHours(48)));
        assertEquals("2025-06-01 12:00 UTC", Phrases.minute(Fixtures.NOW));
        assertEquals("3 users", Phrases.count(3, "user", "users"));
    }
}
