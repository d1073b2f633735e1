package io.cloudward.tenancy;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The permission table in README.md says exactly what the code enforces. */
class ReadmePermissionTableTest {

    @Test
    void readmeTableMatchesTheModel() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("<!-- permission-table:start"), readme.indexOf("<!-- permission-table:end"));
        List<String> documented = table.lines().filter(l -> l.startsWith("| `")).toList();
        List<String> expected = new ArrayList<>();
        for (Permission p : Permission.values()) {
            String cells = String.join(" | ", Arrays.stream(Role.values()).map(r -> r.can(p) ? "✓" : "").toList());
            expected.add("| `" + p.name() + "` | " + p.description() + " | " + (p.sensitive() ? "yes" : "") + " | " + cells + " |");
        }
        assertEquals(expected, documented);
    }
}
