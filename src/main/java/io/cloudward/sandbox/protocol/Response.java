package io.cloudward.sandbox.protocol;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer: status, content type, extra headers and body. */
public record Response(int status, String contentType, Map<String, String> headers, byte[] body) {

    public Response {
        headers = Map.copyOf(headers);
    }

    public static Response of(int status, String contentType, String body) {
        return new Response(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    public Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, contentType, copy, body);
    }
}
