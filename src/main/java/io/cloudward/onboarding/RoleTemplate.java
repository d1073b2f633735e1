package io.cloudward.onboarding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The IAM role an onboarding CloudFormation template creates, read the way CloudFormation would:
 * parameters (defaults, overrides, allowed values), conditions, {@code Fn::If} and
 * {@code AWS::NoValue}. It answers which IAM actions the role grants, so the AWS sandbox can give a
 * simulated customer role exactly the template's permissions.
 *
 * <p>Only what can be derived exactly is accepted: the permissions must be the role's inline
 * {@code Policies}. A template that attaches managed policies, a permissions boundary, separate policy
 * resources, or uses {@code NotAction}, {@code NotResource} or IAM conditions in a permission statement
 * is rejected with an {@link IllegalArgumentException} rather than read approximately.
 */
public final class RoleTemplate {

    private static final String ROLE_TYPE = "AWS::IAM::Role";
    private static final Set<String> POLICY_RESOURCE_TYPES =
            Set.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy");
    private static final Object NO_VALUE = new Object();

    private final Map<String, Object> parameters;
    private final Map<String, Object> conditions;
    private final String roleLogicalId;
    private final Map<String, Object> role;

    private RoleTemplate(Map<String, Object> template) {
        this.parameters = mapOrEmpty(template.get("Parameters"), "Parameters");
        this.conditions = mapOrEmpty(template.get("Conditions"), "Conditions");
        Map<String, Object> resources = mapOrEmpty(template.get("Resources"), "Resources");
        List<String> roles = new ArrayList<>();
        for (Map.Entry<String, Object> resource : resources.entrySet()) {
            Object type = asMap(resource.getValue(), resource.getKey()).get("Type");
            if (ROLE_TYPE.equals(type)) {
                roles.add(resource.getKey());
            } else if (POLICY_RESOURCE_TYPES.contains(type)) {
                throw new IllegalArgumentException("resource " + resource.getKey() + " is a " + type
                        + ": only the role's inline Policies can be read exactly");
            }
        }
        if (roles.size() != 1) {
            throw new IllegalArgumentException("expected exactly one " + ROLE_TYPE + ", found " + roles);
        }
        this.roleLogicalId = roles.getFirst();
        this.role = asMap(resources.get(roleLogicalId), roleLogicalId);
    }

    /** Parses a template's YAML (short-form tags such as {@code !Ref} are understood) or JSON text. */
    public static RoleTemplate parse(String template) {
        return of(CfnYaml.load(template));
    }

    /** A template already loaded as maps and lists (the long form of every intrinsic function). */
    static RoleTemplate of(Object template) {
        if (!(template instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("a CloudFormation template must be a mapping");
        }
        return new RoleTemplate(asMap(template, "template"));
    }

    /** Reads and parses a template file. */
    public static RoleTemplate read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The logical id of the template's role resource. */
    public String roleLogicalId() {
        return roleLogicalId;
    }

    /** The role's permissions when every parameter has its default value. */
    public Permissions permissions() {
        return permissions(Map.of());
    }

    /**
     * The role's permissions for the given parameter values; parameters not given take their
     * defaults.
     *
     * @throws IllegalArgumentException for an unknown parameter, a value outside a parameter's
     *     AllowedValues, a needed parameter without value, or a template that cannot be read exactly
     */
    public Permissions permissions(Map<String, String> parameterValues) {
        Resolver resolver = new Resolver(parameterValues);
        Object condition = role.get("Condition");
        if (condition != null && !resolver.condition(String.valueOf(condition))) {
            throw new IllegalArgumentException("the role " + roleLogicalId + " is not created: condition "
                    + condition + " is false");
        }
        Map<String, Object> properties = resolver.properties("Policies", "ManagedPolicyArns", "PermissionsBoundary");
        for (String unsupported : List.of("ManagedPolicyArns", "PermissionsBoundary")) {
            Object value = properties.get(unsupported);
            if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
                throw new IllegalArgumentException(roleLogicalId + " sets " + unsupported
                        + ": its actions cannot be derived from the template; list them in an inline policy");
            }
        }
        Set<String> allowed = new LinkedHashSet<>();
        Set<String> denied = new LinkedHashSet<>();
        for (Object policy : asList(properties.getOrDefault("Policies", List.of()), "Policies")) {
            Map<String, Object> policyMap = asMap(policy, "policy");
            String name = String.valueOf(policyMap.get("PolicyName"));
            Map<String, Object> document = asMap(policyMap.get("PolicyDocument"), name + ".PolicyDocument");
            Object statements = document.get("Statement");
            for (Object statement : statements instanceof List<?> ? asList(statements, name) : List.of(statements)) {
                readStatement(name, asMap(statement, name + ".Statement"), allowed, denied);
            }
        }
        return new Permissions(Collections.unmodifiableSet(allowed), Collections.unmodifiableSet(denied));
    }

    /**
     * Who may assume the role and with which external ID, for the given parameter values (defaults for
     * the rest). Reads the trust policy's single Allow {@code sts:AssumeRole} statement.
     */
    public Trust trust(Map<String, String> parameterValues) {
        Resolver resolver = new Resolver(parameterValues);
        Map<String, Object> properties = resolver.properties("AssumeRolePolicyDocument");
        Map<String, Object> document = asMap(properties.get("AssumeRolePolicyDocument"), "AssumeRolePolicyDocument");
        Object statements = document.get("Statement");
        List<Object> list = statements instanceof List<?> ? asList(statements, "Statement") : List.of(statements);
        if (list.size() != 1) {
            throw new IllegalArgumentException("expected one trust statement, found " + list.size());
        }
        Map<String, Object> statement = asMap(list.getFirst(), "trust statement");
        if (!"Allow".equals(statement.get("Effect")) || !"sts:AssumeRole".equals(statement.get("Action"))) {
            throw new IllegalArgumentException("the trust statement must Allow sts:AssumeRole");
        }
        Object principal = asMap(statement.get("Principal"), "Principal").get("AWS");
        if (!(principal instanceof String principalArn)) {
            throw new IllegalArgumentException("the trust statement must name one AWS principal, not " + principal
                    + " (give every parameter it refers to a value)");
        }
        Optional<String> externalId = Optional.ofNullable(statement.get("Condition"))
                .map(c -> asMap(c, "Condition").get("StringEquals"))
                .map(s -> asMap(s, "StringEquals").get("sts:ExternalId"))
                .map(String::valueOf);
        return new Trust(principalArn, externalId);
    }

    /** The trusted principal, and the external ID AssumeRole must present (empty when none is required). */
    public record Trust(String principalArn, Optional<String> externalId) {
    }

    /**
     * The IAM action patterns a role allows and denies, as written ({@code service:Action}, with
     * {@code *} and {@code ?} wildcards). Matching ignores case, as IAM does; a deny wins.
     */
    public record Permissions(Set<String> allowed, Set<String> denied) {

        /** True when the role may call the action ({@code service:Action}). */
        public boolean allows(String action) {
            return matchesAny(allowed, action) && !matchesAny(denied, action);
        }

        /** The given actions the role may not call, in their order. */
        public Set<String> missing(Collection<String> actions) {
            Set<String> missing = new LinkedHashSet<>();
            for (String action : actions) {
                if (!allows(action)) {
                    missing.add(action);
                }
            }
            return Collections.unmodifiableSet(missing);
        }

        private static boolean matchesAny(Set<String> patterns, String action) {
            return patterns.stream().anyMatch(p -> wildcard(p).matcher(action).matches());
        }

        private static Pattern wildcard(String pattern) {
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                switch (c) {
                    case '*' -> regex.append(".*");
                    case '?' -> regex.append('.');
                    default -> regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
        }
    }

    private static void readStatement(String policy, Map<String, Object> statement, Set<String> allowed,
            Set<String> denied) {
        String where = policy + (statement.containsKey("Sid") ? "." + statement.get("Sid") : "");
        for (String unsupported : List.of("NotAction", "NotResource", "Condition", "NotPrincipal")) {
            if (statement.containsKey(unsupported)) {
                throw new IllegalArgumentException(where + " uses " + unsupported + ", which cannot be read exactly");
            }
        }
        Object action = statement.get("Action");
        if (action == null || action instanceof List<?> list && list.isEmpty()) {
            throw new IllegalArgumentException(where + " has no Action");
        }
        List<Object> actions = action instanceof List<?> ? asList(action, where) : List.of(action);
        Set<String> target = switch (String.valueOf(statement.get("Effect"))) {
            case "Allow" -> allowed;
            case "Deny" -> denied;
            default -> throw new IllegalArgumentException(where + " has Effect " + statement.get("Effect"));
        };
        for (Object a : actions) {
            if (!(a instanceof String name) || !(name.equals("*") || name.contains(":"))) {
                throw new IllegalArgumentException(where + " has an action that is not service:Action: " + a);
            }
            target.add(name);
        }
    }

    /** Evaluates conditions and resolves Ref (to parameters), Fn::If and AWS::NoValue. */
    private final class Resolver {
        private final Map<String, String> values = new HashMap<>();

        Resolver(Map<String, String> given) {
            for (Map.Entry<String, String> entry : given.entrySet()) {
                if (!parameters.containsKey(entry.getKey())) {
                    throw new IllegalArgumentException("the template has no parameter " + entry.getKey());
                }
            }
            for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
                Map<String, Object> definition = asMap(parameter.getValue(), parameter.getKey());
                String value = given.containsKey(parameter.getKey()) ? given.get(parameter.getKey())
                        : definition.containsKey("Default") ? String.valueOf(definition.get("Default")) : null;
                Object allowedValues = definition.get("AllowedValues");
                if (value != null && allowedValues instanceof List<?> list
                        && list.stream().map(String::valueOf).noneMatch(value::equals)) {
                    throw new IllegalArgumentException("parameter " + parameter.getKey() + " must be one of "
                            + list + ", not " + value);
                }
                if (value != null) {
                    values.put(parameter.getKey(), value);
                }
            }
        }

        /** The role's named properties, resolved; properties that are absent or resolve to no value are left out. */
        Map<String, Object> properties(String... names) {
            Map<String, Object> all = mapOrEmpty(role.get("Properties"), roleLogicalId + ".Properties");
            Map<String, Object> resolved = new LinkedHashMap<>();
            for (String name : names) {
                Object value = all.containsKey(name) ? resolve(all.get(name)) : NO_VALUE;
                if (value != NO_VALUE) {
                    resolved.put(name, value);
                }
            }
            return resolved;
        }

        boolean condition(String name) {
            if (!conditions.containsKey(name)) {
                throw new IllegalArgumentException("the template has no condition " + name);
            }
            return evaluate(conditions.get(name));
        }

        private boolean evaluate(Object expression) {
            Map<String, Object> function = asMap(expression, "condition");
            if (function.size() != 1) {
                throw new IllegalArgumentException("a condition must be one function: " + function);
            }
            Map.Entry<String, Object> entry = function.entrySet().iterator().next();
            return switch (entry.getKey()) {
                case "Condition" -> condition(String.valueOf(entry.getValue()));
                case "Fn::Equals" -> {
                    List<Object> operands = asList(entry.getValue(), "Fn::Equals");
                    yield scalar(operands.get(0)).equals(scalar(operands.get(1)));
                }
                case "Fn::Not" -> !evaluate(asList(entry.getValue(), "Fn::Not").getFirst());
                case "Fn::And" -> asList(entry.getValue(), "Fn::And").stream().allMatch(this::evaluate);
                case "Fn::Or" -> asList(entry.getValue(), "Fn::Or").stream().anyMatch(this::evaluate);
                default -> throw new IllegalArgumentException("unsupported condition function " + entry.getKey());
            };
        }

        private String scalar(Object operand) {
            Object resolved = resolve(operand);
            if (resolved instanceof Map<?, ?> || resolved instanceof List<?>) {
                throw new IllegalArgumentException("cannot evaluate " + operand + " (a parameter without value?)");
            }
            return String.valueOf(resolved);
        }

        Object resolve(Object node) {
            if (node instanceof Map<?, ?> raw) {
                Map<String, Object> map = asMap(raw, "value");
                if (map.size() == 1 && map.containsKey("Fn::If")) {
                    List<Object> branches = asList(map.get("Fn::If"), "Fn::If");
                    return resolve(condition(String.valueOf(branches.get(0))) ? branches.get(1) : branches.get(2));
                }
                if (map.size() == 1 && map.containsKey("Ref")) {
                    String name = String.valueOf(map.get("Ref"));
                    if (name.equals("AWS::NoValue")) {
                        return NO_VALUE;
                    }
                    // A parameter without a value (nor default) stays a reference, as do pseudo parameters.
                    return values.containsKey(name) ? values.get(name) : map;
                }
                Map<String, Object> resolved = new LinkedHashMap<>();
                for (Map.Entry<String, Object> entry : map.entrySet()) {
                    Object value = resolve(entry.getValue());
                    if (value != NO_VALUE) {
                        resolved.put(entry.getKey(), value);
                    }
                }
                return resolved;
            }
            if (node instanceof List<?> list) {
                List<Object> resolved = new ArrayList<>();
                for (Object item : list) {
                    Object value = resolve(item);
                    if (value != NO_VALUE) {
                        resolved.add(value);
                    }
                }
                return resolved;
            }
            return node;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(what + " must be a mapping, not " + value);
        }
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> mapOrEmpty(Object value, String what) {
        return value == null ? Map.of() : asMap(value, what);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value, String what) {
        if (!(value instanceof List<?>)) {
            throw new IllegalArgumentException(what + " must be a list, not " + value);
        }
        return (List<Object>) value;
    }
}
