package io.cloudward.sandbox.estate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads estate files (YAML or JSON). Times may be absolute ({@code 2025-01-31T08:00:00Z}) or relative to
 * the moment the estate is loaded ({@code -3h}, {@code -2h30m}, {@code -90d}, {@code now}), so a scenario
 * stays inside the 90 days GuardDuty and CloudTrail keep, whenever it is loaded.
 */
public final class EstateReader {

    private static final Pattern RELATIVE = Pattern.compile("([+-])((?:\\d+[smhd])+)");
    private static final Pattern PART = Pattern.compile("(\\d+)([smhd])");

    private EstateReader() {
    }

    /** A bundled scenario by name ({@code codespaces}) or an estate file by path. */
    public static EstateDocument scenarioOrFile(String nameOrPath, Instant anchor) {
        try (InputStream bundled = EstateReader.class.getResourceAsStream(
                "/sandbox/scenarios/" + nameOrPath + ".yaml")) {
            if (bundled != null) {
                return read(bundled.readAllBytes(), anchor);
            }
            Path file = Path.of(nameOrPath);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no bundled scenario and no estate file named " + nameOrPath);
            }
            return read(Files.readAllBytes(file), anchor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read estate " + nameOrPath, e);
        }
    }

    public static EstateDocument read(byte[] content, Instant anchor) {
        String text = new String(content, StandardCharsets.UTF_8).stripLeading();
        ObjectMapper mapper = text.startsWith("{") ? JsonMapper.builder().build() : YAMLMapper.builder().build();
        mapper.registerModule(new SimpleModule().addDeserializer(Instant.class, new TimeDeserializer(anchor)))
                .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            EstateDocument document = mapper.readValue(text, EstateDocument.class);
            if (document == null) {
                throw new IllegalArgumentException("the estate file is empty");
            }
            return document;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("invalid estate file: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
    }

    /** An absolute ISO-8601 instant or a time relative to {@code anchor}. */
    public static Instant time(String text, Instant anchor) {
        String value = text.trim();
        if (value.equals("now")) {
            return anchor;
        }
        Matcher relative = RELATIVE.matcher(value);
        if (relative.matches()) {
            Duration offset = Duration.ZERO;
            Matcher part = PART.matcher(relative.group(2));
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                offset = offset.plus(switch (part.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                });
            }
            return relative.group(1).equals("-") ? anchor.minus(offset) : anchor.plus(offset);
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time (ISO-8601, or relative like -3h, -2h30m, -90d, now): " + text, e);
        }
    }

    private static final class TimeDeserializer extends StdDeserializer<Instant> {

        private final transient Instant anchor;

        TimeDeserializer(Instant anchor) {
            super(Instant.class);
            this.anchor = anchor;
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return time(parser.getValueAsString(), anchor);
        }
    }
}
