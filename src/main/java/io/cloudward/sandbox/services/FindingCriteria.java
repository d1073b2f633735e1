package io.cloudward.sandbox.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudward.sandbox.estate.Finding;
import io.cloudward.sandbox.estate.FindingResource;
import io.cloudward.sandbox.protocol.AwsError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * GuardDuty's {@code FindingCriteria}: per field, equality conditions ({@code equals}, {@code notEquals}
 * and the legacy {@code eq}, {@code neq}) and comparisons — the long {@code greaterThan…} fields, and the
 * legacy int {@code gt}, {@code gte}, {@code lt}, {@code lte}, applied to the same values. Times compare
 * as epoch milliseconds, which an int cannot hold: a legacy {@code gte} on {@code updatedAt} is the
 * mistake the long fields exist to avoid, and it filters as badly here as it would in AWS.
 */
final class FindingCriteria {

    private static final Map<String, Function<Finding, Double>> NUMBERS = Map.of(
            "updatedAt", finding -> (double) finding.updatedAt().toEpochMilli(),
            "createdAt", finding -> (double) finding.createdAt().toEpochMilli(),
            "severity", Finding::severity,
            "service.count", finding -> (double) finding.count());
    private static final Map<String, Function<Finding, String>> TEXTS = Map.ofEntries(
            Map.entry("id", Finding::id),
            Map.entry("type", Finding::type),
            Map.entry("service.archived", finding -> String.valueOf(finding.archived())),
            Map.entry("resource.resourceType", finding -> resource(finding).type()),
            Map.entry("resource.instanceDetails.instanceId", finding -> resource(finding).instanceId()),
            Map.entry("resource.accessKeyDetails.userName", finding -> resource(finding).userName()),
            Map.entry("resource.accessKeyDetails.accessKeyId", finding -> resource(finding).accessKeyId()),
            Map.entry("resource.s3BucketDetails.name", finding -> resource(finding).bucketName()),
            Map.entry("service.action.actionType", finding -> finding.action() == null ? null : finding.action().type()));
    private static final String INVALID = "The request is rejected because an invalid or out-of-range value is "
            + "specified as an input parameter.";

    private record Condition(String field, String operator, JsonNode value) {
    }

    private final List<Condition> conditions;
    private final String accountId;
    private final String region;

    private FindingCriteria(List<Condition> conditions, String accountId, String region) {
        this.conditions = conditions;
        this.accountId = accountId;
        this.region = region;
    }

    /** Parses {@code {"criterion": {field: {operator: value}}}}; an unknown field or operator is refused. */
    static FindingCriteria parse(JsonNode criteria, String accountId, String region) {
        List<Condition> conditions = new ArrayList<>();
        JsonNode criterion = criteria == null ? null : criteria.get("criterion");
        if (criterion != null) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = criterion.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                if (!NUMBERS.containsKey(name) && !TEXTS.containsKey(name) && !name.equals("accountId")
                        && !name.equals("region")) {
                    throw invalid();
                }
                for (Iterator<Map.Entry<String, JsonNode>> ops = field.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    conditions.add(new Condition(name, op.getKey(), op.getValue()));
                }
            }
        }
        FindingCriteria parsed = new FindingCriteria(conditions, accountId, region);
        conditions.forEach(parsed::validate);
        return parsed;
    }

    boolean matches(Finding finding) {
        return conditions.stream().allMatch(condition -> test(condition, finding));
    }

    /** A comparator for {@code sortCriteria.attributeName}. */
    static Comparator<Finding> sortBy(String attribute) {
        Function<Finding, Double> number = NUMBERS.get(attribute);
        if (number != null) {
            return Comparator.comparing(number);
        }
        Function<Finding, String> text = TEXTS.get(attribute);
        if (text != null) {
            return Comparator.comparing(text, Comparator.nullsFirst(Comparator.naturalOrder()));
        }
        if (attribute.equals("accountId") || attribute.equals("region")) {
            return Comparator.comparing(Finding::id);
        }
        throw invalid();
    }

    private void validate(Condition condition) {
        switch (condition.operator()) {
            case "eq", "neq", "equals", "notEquals" -> {
                if (!condition.value().isArray()) {
                    throw invalid();
                }
            }
            case "gt", "gte", "lt", "lte", "greaterThan", "greaterThanOrEqual", "lessThan", "lessThanOrEqual" -> {
                if (!NUMBERS.containsKey(condition.field()) || !condition.value().isNumber()) {
                    throw invalid();
                }
            }
            default -> throw invalid();
        }
    }

    private boolean test(Condition condition, Finding finding) {
        JsonNode value = condition.value();
        return switch (condition.operator()) {
            case "eq", "equals" -> anyEqual(condition.field(), finding, value);
            case "neq", "notEquals" -> !anyEqual(condition.field(), finding, value);
            case "gt", "greaterThan" -> number(condition.field(), finding) > value.asDouble();
            case "gte", "greaterThanOrEqual" -> number(condition.field(), finding) >= value.asDouble();
            case "lt", "lessThan" -> number(condition.field(), finding) < value.asDouble();
            default -> number(condition.field(), finding) <= value.asDouble();
        };
    }

    private boolean anyEqual(String field, Finding finding, JsonNode values) {
        for (JsonNode value : values) {
            String wanted = value.asText();
            if (NUMBERS.containsKey(field)) {
                try {
                    if (Double.parseDouble(wanted) == number(field, finding)) {
                        return true;
                    }
                } catch (NumberFormatException notANumber) {
                    throw invalid();
                }
            } else if (wanted.equals(text(field, finding))) {
                return true;
            }
        }
        return false;
    }

    private String text(String field, Finding finding) {
        return switch (field) {
            case "accountId" -> accountId;
            case "region" -> region;
            default -> TEXTS.get(field).apply(finding);
        };
    }

    private static double number(String field, Finding finding) {
        return NUMBERS.get(field).apply(finding);
    }

    private static FindingResource resource(Finding finding) {
        return finding.resource() == null ? new FindingResource(null, null, null, null, null) : finding.resource();
    }

    static AwsError invalid() {
        return new AwsError("BadRequestException", 400, INVALID);
    }
}
