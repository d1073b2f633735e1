package io.cloudward.sandbox.protocol;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The timestamp formats of the AWS protocols. */
public final class Timestamps {

    private Timestamps() {
    }

    /** XML protocols and GuardDuty's string dates: ISO-8601 UTC with milliseconds. */
    public static String iso(Instant instant) {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        String text = millis.toString();
        return millis.getNano() == 0 ? text.substring(0, text.length() - 1) + ".000Z" : text;
    }

    /** ISO-8601 UTC to the second, as STS writes {@code Expiration} and CloudTrail writes {@code eventTime}. */
    public static String isoSeconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** JSON protocols: epoch seconds with up to millisecond fraction, never in exponent notation. */
    public static BigDecimal epochSeconds(Instant instant) {
        BigDecimal seconds = BigDecimal.valueOf(instant.toEpochMilli(), 3).stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
    }

    /** A JSON timestamp member as the SDKs send it: epoch seconds (number) or, rarely, ISO text. */
    public static Instant parseJson(com.fasterxml.jackson.databind.JsonNode node) {
        if (node.isNumber()) {
            return Instant.ofEpochMilli(node.decimalValue().movePointRight(3).longValue());
        }
        return parseText(node.asText());
    }

    /** A timestamp in a query string or header: ISO-8601 (with or without fraction) or epoch seconds. */
    public static Instant parseText(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notIso) {
            try {
                return Instant.ofEpochMilli(new BigDecimal(text).movePointRight(3).longValue());
            } catch (NumberFormatException notNumber) {
                throw notIso;
            }
        }
    }
}
