package io.cloudward.sandbox.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudward.sandbox.identity.SigV4;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request as it arrived: method, raw (still encoded) path and query, headers by lower-case name, and
 * the body with any {@code aws-chunked} framing removed.
 */
public final class AwsRequest {

    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final Map<String, List<String>> headers;
    private final byte[] rawBody;
    private final byte[] body;
    private QueryParams query;
    private QueryParams form;
    private ObjectNode json;

    public AwsRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        this.method = method;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery == null ? "" : rawQuery;
        this.headers = Map.copyOf(headers);
        this.rawBody = body;
        this.body = AwsChunked.isChunked(this) ? AwsChunked.decode(body) : body;
    }

    public String method() {
        return method;
    }

    public String rawPath() {
        return rawPath;
    }

    public String rawQuery() {
        return rawQuery;
    }

    /** The decoded URI path. */
    public String path() {
        return SigV4.percentDecode(rawPath);
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The body as it travelled, which is what the payload hash covers. */
    public byte[] rawBody() {
        return rawBody;
    }

    /** The payload, with aws-chunked framing removed. */
    public byte[] body() {
        return body;
    }

    /** URL query parameters (REST protocols). */
    public QueryParams query() {
        if (query == null) {
            query = QueryParams.parse(rawQuery);
        }
        return query;
    }

    /** Query-protocol parameters: the form body of a POST, or the URL query of a GET. */
    public QueryParams form() {
        if (form == null) {
            form = method.equals("GET") ? query() : QueryParams.parse(new String(body, StandardCharsets.UTF_8));
        }
        return form;
    }

    /** The JSON body of a JSON-protocol request. */
    public ObjectNode json() {
        if (json == null) {
            json = Json.parse(body);
        }
        return json;
    }

    /** Whether the raw query contains the sub-resource {@code name} ({@code ?policyStatus}). */
    public boolean hasQueryKey(String name) {
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if ((eq < 0 ? pair : pair.substring(0, eq)).equals(name)) {
                return true;
            }
        }
        return false;
    }
}
