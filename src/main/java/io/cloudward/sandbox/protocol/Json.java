package io.cloudward.sandbox.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/** JSON bodies of the JSON protocols, with AWS's number and timestamp conventions. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** A request body; an empty body is an empty object, as the SDKs send for operations without input. */
    public static ObjectNode parse(byte[] body) {
        if (body.length == 0) {
            return object();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException malformed) {
            throw new AwsError("SerializationException", 400, "Could not parse the request body as JSON");
        }
        throw new AwsError("SerializationException", 400, "The request body must be a JSON object");
    }

    /** Puts an epoch-seconds timestamp, or nothing when absent. */
    public static void putTime(ObjectNode node, String name, Instant instant) {
        if (instant != null) {
            node.put(name, Timestamps.epochSeconds(instant));
        }
    }

    /** Puts a text member, or nothing when absent (AWS omits absent members). */
    public static void putText(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    public static Response response(int status, JsonNode body, String contentType) {
        try {
            return new Response(status, contentType, Map.of(), MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON tree could not be written", e);
        }
    }

    public static String text(JsonNode body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON tree could not be written", e);
        }
    }
}
