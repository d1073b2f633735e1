package io.cloudward.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudward.sandbox.estate.Account;
import io.cloudward.sandbox.estate.Estate;
import io.cloudward.sandbox.estate.EstateReader;
import io.cloudward.sandbox.estate.GeneratedEstate;
import io.cloudward.sandbox.estate.Role;
import io.cloudward.sandbox.estate.SandboxClock;
import io.cloudward.sandbox.faults.FaultKind;
import io.cloudward.sandbox.faults.FaultRule;
import io.cloudward.sandbox.faults.Faults;
import io.cloudward.sandbox.identity.HubPrincipal;
import io.cloudward.sandbox.protocol.Json;
import io.cloudward.sandbox.protocol.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The sandbox's own control API under {@code /_sandbox/} (a path no AWS API uses), served to loopback
 * callers only: load estates, list accounts, change a role's trust, ExternalId or permissions (also from a
 * role template), advance the clock, set and clear faults, reset. See ESTATE-FORMAT.md for the routes.
 */
final class AdminApi {

    static final String PREFIX = "/_sandbox/";

    private final Estate estate;
    private final SandboxClock clock;
    private final Faults faults;
    private final HubPrincipal hub;
    private final Supplier<String> endpoint;
    private final Runnable reset;

    AdminApi(Estate estate, Faults faults, HubPrincipal hub, Supplier<String> endpoint, Runnable reset) {
        this.estate = estate;
        this.clock = estate.clock();
        this.faults = faults;
        this.hub = hub;
        this.endpoint = endpoint;
        this.reset = reset;
    }

    Response handle(String method, String path, Map<String, String> query, byte[] body) {
        String[] parts = path.substring(PREFIX.length()).replaceAll("/+$", "").split("/");
        try {
            return route(method, parts, query, body);
        } catch (IllegalArgumentException | IOException invalid) {
            return error(400, invalid.getMessage());
        }
    }

    private Response route(String method, String[] parts, Map<String, String> query, byte[] body) throws IOException {
        String resource = parts[0];
        return switch (method + " " + resource + "/" + parts.length) {
            case "GET health/1" -> ok(Json.object().put("status", "up"));
            case "GET hub/1" -> ok(hubJson());
            case "GET accounts/1" -> listAccounts(query);
            case "GET accounts/2" -> estate.account(parts[1]).map(account -> ok(accountJson(account)))
                    .orElseGet(() -> error(404, "no account " + parts[1]));
            case "PUT accounts/4" -> parts[2].equals("roles") ? putRole(parts[1], parts[3], body)
                    : error(404, "unknown admin route");
            case "PUT accounts/5" -> parts[2].equals("roles") && parts[4].equals("template")
                    ? applyTemplate(parts[1], parts[3], query, body) : error(404, "unknown admin route");
            case "POST estate/1" -> loadEstate(body);
            case "POST generate/1" -> generate(body);
            case "GET clock/1" -> ok(clockJson());
            case "POST clock/2" -> parts[1].equals("advance") ? advance(body) : error(404, "unknown admin route");
            case "GET faults/1" -> ok(faultsJson());
            case "POST faults/1" -> addFault(body);
            case "DELETE faults/1" -> {
                faults.clear();
                yield ok(faultsJson());
            }
            case "DELETE faults/2" -> faults.remove(parts[1]) ? ok(faultsJson()) : error(404, "no fault " + parts[1]);
            case "POST reset/1" -> {
                reset.run();
                yield ok(Json.object().put("reset", true).put("accounts", estate.accountCount()));
            }
            default -> error(404, "unknown admin route");
        };
    }

    private Response listAccounts(Map<String, String> query) {
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        ObjectNode body = Json.object().put("total", estate.accountCount());
        ArrayNode accounts = body.putArray("accounts");
        for (String id : estate.accountIds(offset, limit)) {
            estate.account(id).ifPresent(account -> accounts.add(accountJson(account)));
        }
        return ok(body);
    }

    private Response putRole(String accountId, String roleName, byte[] body) throws IOException {
        JsonNode change = Json.MAPPER.readTree(body);
        if (change == null || !change.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        Role role = estate.role(accountId, roleName)
                .orElseGet(() -> Role.fromCloudwardTemplate(roleName, null));
        if (change.has("externalId")) {
            role = role.withExternalId(change.get("externalId").isNull() ? null : change.get("externalId").asText());
        }
        if (change.has("trustedPrincipals")) {
            role = role.withTrustedPrincipals(texts(change.get("trustedPrincipals")));
        }
        if (change.has("allowedActions") || change.has("deniedActions")) {
            role = role.withPermissions(
                    change.has("allowedActions") ? texts(change.get("allowedActions")) : role.allowedActions(),
                    change.has("deniedActions") ? texts(change.get("deniedActions")) : role.deniedActions());
        }
        if (change.has("maxSessionDuration")) {
            role = role.withMaxSessionDuration(change.get("maxSessionDuration").asInt());
        }
        estate.putRole(accountId, role);
        return roleResponse(accountId, roleName);
    }

    /** The body is a role template (YAML or JSON); the query string gives its parameters. */
    private Response applyTemplate(String accountId, String roleName, Map<String, String> parameters, byte[] body) {
        estate.applyTemplate(accountId, roleName, new String(body, StandardCharsets.UTF_8), parameters);
        return roleResponse(accountId, roleName);
    }

    private Response roleResponse(String accountId, String roleName) {
        return ok(roleJson(accountId, estate.role(accountId, roleName).orElseThrow()));
    }

    private Response loadEstate(byte[] body) {
        List<String> ids = estate.load(EstateReader.read(body, clock.now()));
        ObjectNode result = Json.object();
        ArrayNode loaded = result.putArray("loaded");
        ids.forEach(loaded::add);
        return ok(result);
    }

    private Response generate(byte[] body) throws IOException {
        JsonNode spec = Json.MAPPER.readTree(body);
        estate.generate(new GeneratedEstate(spec.path("accounts").asInt(), texts(spec.path("regions")),
                spec.path("seed").asLong(42)));
        return ok(Json.object().put("accounts", estate.accountCount()));
    }

    private Response advance(byte[] body) throws IOException {
        JsonNode request = Json.MAPPER.readTree(body);
        Duration by = request.hasNonNull("duration") ? Duration.parse(request.get("duration").asText())
                : Duration.ofSeconds(request.path("seconds").asLong());
        clock.advance(by);
        return ok(clockJson());
    }

    private Response addFault(byte[] body) throws IOException {
        JsonNode request = Json.MAPPER.readTree(body);
        FaultRule rule = request.hasNonNull("rule") ? FaultRule.parse(request.get("rule").asText())
                : new FaultRule(text(request, "account"), text(request, "region"), text(request, "service"),
                        text(request, "operation"),
                        FaultKind.valueOf(request.path("kind").asText().toUpperCase(Locale.ROOT).replace('-', '_')),
                        request.path("rate").asDouble(1), request.path("millis").asLong(), request.path("status").asInt());
        return ok(Json.object().put("id", faults.add(rule)));
    }

    private ObjectNode hubJson() {
        return Json.object()
                .put("endpoint", endpoint.get())
                .put("accountId", hub.accountId())
                .put("arn", hub.arn())
                .put("accessKeyId", hub.accessKeyId())
                .put("secretAccessKey", hub.secretAccessKey());
    }

    private ObjectNode accountJson(Account account) {
        ObjectNode node = Json.object().put("id", account.id()).put("name", account.name());
        ArrayNode roles = node.putArray("roles");
        account.roles().forEach(role -> roles.add(roleJson(account.id(), role)));
        ArrayNode regions = node.putArray("enabledRegions");
        estate.enabledRegions(account.id()).forEach(regions::add);
        return node;
    }

    private static ObjectNode roleJson(String accountId, Role role) {
        ObjectNode node = Json.object().put("name", role.name()).put("arn", role.arn(accountId));
        if (role.externalId() == null) {
            node.putNull("externalId");
        } else {
            node.put("externalId", role.externalId());
        }
        node.put("maxSessionDuration", role.maxSessionDuration());
        ArrayNode trusted = node.putArray("trustedPrincipals");
        role.trustedPrincipals().forEach(trusted::add);
        ArrayNode actions = node.putArray("allowedActions");
        role.allowedActions().forEach(actions::add);
        ArrayNode denied = node.putArray("deniedActions");
        role.deniedActions().forEach(denied::add);
        return node;
    }

    private ObjectNode clockJson() {
        return Json.object().put("now", clock.now().toString()).put("offsetSeconds", clock.offset().toSeconds());
    }

    private ObjectNode faultsJson() {
        ObjectNode node = Json.object();
        ObjectNode list = node.putObject("faults");
        faults.list().forEach((id, rule) -> list.set(id, Json.MAPPER.valueToTree(rule)));
        return node;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Response ok(ObjectNode body) {
        return Json.response(200, body, "application/json");
    }

    private static Response error(int status, String message) {
        return Json.response(status, Json.object().put("error", message), "application/json");
    }
}
