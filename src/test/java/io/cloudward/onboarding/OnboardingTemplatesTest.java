package io.cloudward.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Lints the onboarding templates and checks the promises the README makes about them.
 *
 * <p>Two linters run. The npm {@code cfn-lint} 1.9.7 that {@code .ci/install-test-tools.sh} installs
 * validates the role template; its resource specification predates {@code AWS::CloudFormation::StackSet}
 * (2020), so on the StackSet template it must report that type, and nothing else, as unknown. AWS's
 * {@code cfn-lint} (Python; on the project's machine image) knows every resource type and IAM action
 * name, and must pass both templates with no error, warning or informational finding.
 */
class OnboardingTemplatesTest {

    static final Path ROLE = Path.of("onboarding-cfn", "cloudward-role.yaml");
    static final Path STACKSET = Path.of("onboarding-cfn", "cloudward-stackset.yaml");
    static final Path NPM_CFN_LINT = Path.of(".ci", "node_modules", ".bin", "cfn-lint");

    record Run(int exitStatus, String output) {
    }

    @Test
    void roleTemplatePassesNpmCfnLint() throws Exception {
        Run run = run(npmCfnLint().toString(), "validate", ROLE.toString());

        assertEquals(0, run.exitStatus(), "cfn-lint validate " + ROLE + ":\n" + run.output());
        assertTrue(run.output().contains("Template valid!"), run.output());
    }

    @Test
    void stackSetTemplateHasNoNpmCfnLintFindingButItsUnknownStackSetType() throws Exception {
        Run run = run(npmCfnLint().toString(), "validate", STACKSET.toString());

        String output = run.output().replaceAll("\u001B\\[[0-9;]*m", "");
        assertEquals(1, run.exitStatus(), "expected only the unknown-type finding:\n" + output);
        assertTrue(output.contains("0 warn") && output.contains("1 crit")
                && output.contains("has an invalid Type of AWS::CloudFormation::StackSet"), output);
    }

    @Test
    void bothTemplatesPassAwsCfnLintWithInformationalChecks() throws Exception {
        for (Path template : List.of(ROLE, STACKSET)) {
            Run run = run(awsCfnLint().toString(), "--include-checks", "I", "--", template.toString());

            assertEquals(0, run.exitStatus(), "cfn-lint " + template + ":\n" + run.output());
        }
    }

    @Test
    void roleIsAssumableOnlyByCloudwardWithTheExternalId() {
        RoleTemplate role = RoleTemplate.read(ROLE);
        String principal = "arn:aws:iam::111122223333:role/cloudward-collector";
        String externalId = "cw-" + "x".repeat(40);

        RoleTemplate.Trust trust = role.trust(Map.of("CloudwardPrincipalArn", principal, "ExternalId", externalId));

        assertEquals(new RoleTemplate.Trust(principal, Optional.of(externalId)), trust);
    }

    @Test
    void roleParametersAndPropertiesAreTheOnesDocumented() throws IOException {
        Map<String, Object> template = load(ROLE);
        Map<String, Object> externalId = map(map(template, "Parameters"), "ExternalId");
        Map<String, Object> role = map(map(template, "Resources"), "CloudwardRole");

        assertEquals("[\\w+=,.@:/-]{2,1224}", externalId.get("AllowedPattern"));
        assertEquals(32, externalId.get("MinLength"));
        assertEquals("CloudwardSecurityAudit", map(map(template, "Parameters"), "RoleName").get("Default"));
        assertEquals(3600, map(role, "Properties").get("MaxSessionDuration"));
        assertEquals(List.of("RoleArn"), List.copyOf(map(template, "Outputs").keySet()));
        for (Map.Entry<String, Object> parameter : map(template, "Parameters").entrySet()) {
            Map<String, Object> definition = map(map(template, "Parameters"), parameter.getKey());
            assertTrue(definition.containsKey("AllowedPattern") || definition.containsKey("AllowedValues"),
                    parameter.getKey() + " is validated");
            assertTrue(String.valueOf(definition.get("Description")).length() > 40, parameter.getKey() + " is described");
        }
    }

    @Test
    void stackSetDeploysTheRoleTemplateToTheOrganisationWithTheSameParameters() throws IOException {
        Map<String, Object> template = load(STACKSET);
        Map<String, Object> stackSet = map(map(map(template, "Resources"), "CloudwardRoleStackSet"), "Properties");

        assertEquals("SERVICE_MANAGED", stackSet.get("PermissionModel"));
        assertEquals(Map.of("Enabled", true, "RetainStacksOnAccountRemoval", false), stackSet.get("AutoDeployment"));
        assertEquals(Map.of("Ref", "TemplateURL"), stackSet.get("TemplateURL"));

        Map<String, Object> roleParameters = map(load(ROLE), "Parameters");
        Map<String, Object> passed = new LinkedHashMap<>();
        for (Object parameter : (List<?>) stackSet.get("Parameters")) {
            Map<?, ?> p = (Map<?, ?>) parameter;
            passed.put(String.valueOf(p.get("ParameterKey")), p.get("ParameterValue"));
        }
        assertEquals(roleParameters.keySet(), passed.keySet(), "every role parameter is passed, and only those");
        assertEquals("false", passed.get("EnableOrganizationListing"), "member accounts cannot list the organisation");
        Map<String, Object> ownParameters = map(template, "Parameters");
        for (String shared : List.of("CloudwardPrincipalArn", "ExternalId", "RoleName")) {
            assertEquals(Map.of("Ref", shared), passed.get(shared));
            Map<String, Object> own = new LinkedHashMap<>(map(ownParameters, shared));
            Map<String, Object> role = new LinkedHashMap<>(map(roleParameters, shared));
            own.remove("Description");
            role.remove("Description");
            own.remove("ConstraintDescription");
            role.remove("ConstraintDescription");
            assertEquals(role, own, shared + " is validated as the role template validates it");
        }
    }

    @Test
    void readmeTableNamesEveryCapabilityAndAction() throws IOException {
        String readme = Files.readString(Path.of("onboarding-cfn", "README.md"));
        for (CollectorPermissions.Capability capability : CollectorPermissions.Capability.values()) {
            assertTrue(readme.contains("| `" + capability.name() + "`"), capability.name());
            for (String action : capability.actions()) {
                assertTrue(readme.contains("`" + action + "`"), action);
            }
        }
    }

    private static Path npmCfnLint() {
        if (!Files.isExecutable(NPM_CFN_LINT)) {
            fail("cfn-lint (npm) is missing at " + NPM_CFN_LINT.toAbsolutePath() + ". Install it with "
                    + ".ci/install-test-tools.sh, or: cd .ci && npm install --no-audit --no-fund --prefix . cfn-lint@1.9.7");
        }
        return NPM_CFN_LINT;
    }

    /** AWS's cfn-lint (Python) from PATH or pyenv's shims; never the npm one. */
    private static Path awsCfnLint() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "cfn-lint"));
            }
        }
        candidates.add(Path.of(System.getProperty("user.home"), ".pyenv", "shims", "cfn-lint"));
        return candidates.stream()
                .filter(Files::isExecutable)
                .filter(p -> !p.toAbsolutePath().normalize().startsWith(Path.of(".ci").toAbsolutePath()))
                .findFirst()
                .orElseGet(() -> fail("AWS cfn-lint (the Python package cfn-lint) is not on PATH. Install it with "
                        + "pip install cfn-lint (the project's machine image ships it)."));
    }

    private static Run run(String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("cfn-lint", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in 3 minutes");
            }
            return new Run(process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static Map<String, Object> load(Path template) throws IOException {
        return map(Map.of("t", CfnYaml.load(Files.readString(template))), "t");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof Map<?, ?>, key + " is a mapping");
        return (Map<String, Object>) value;
    }
}
