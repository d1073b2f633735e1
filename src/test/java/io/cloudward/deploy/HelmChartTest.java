package io.cloudward.deploy;

import static io.cloudward.deploy.YamlMaps.asMap;
import static io.cloudward.deploy.YamlMaps.list;
import static io.cloudward.deploy.YamlMaps.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Lints and renders the Helm chart (helm's own code, through helm-java) and checks the rendered
 * manifests. helm-java's template leaves hooks out, as Helm keeps them apart from the manifest; to see
 * the migration Job and the chart-made Secret, {@link #renderWithHooks} renders a copy of the chart whose
 * {@code helm.sh/hook*} annotations are renamed {@code test.cloudward.io/hook*}.
 */
class HelmChartTest {

    static final Path CHART = Path.of("helm", "cloudward");
    static final Path PRODUCTION = CHART.resolve("values-production.yaml");
    static final Pattern SECRET_LIKE = Pattern.compile(".*(PASSWORD|SECRET|_KEY|JAAS|_USER|USERNAME).*");

    @TempDir
    static Path hooksVisible;

    @BeforeAll
    static void copyChartWithHooksRenamed() throws IOException {
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path file : files.toList()) {
                Path target = hooksVisible.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.writeString(target, Files.readString(file).replace("helm.sh/hook", "test.cloudward.io/hook"));
                }
            }
        }
    }

    @Test
    void lintStrictPasses() {
        LintResult result = new Helm(CHART).lint().strict().call();

        assertFalse(result.isFailed(), String.join("\n", result.getMessages()));
        assertTrue(result.getMessages().stream().allMatch(m -> m.startsWith("[INFO]")), result.getMessages().toString());
    }

    @Test
    void podsRunLockedDownWithProbesOnTheHealthEndpoints() {
        Map<String, Object> deployment = only(render(CHART, null, Map.of()), "Deployment");
        Map<String, Object> pod = path(deployment, "spec", "template", "spec");
        Map<String, Object> container = container(deployment);

        Map<String, Object> podSecurity = path(pod, "securityContext");
        assertEquals(true, podSecurity.get("runAsNonRoot"));
        assertEquals(10001, podSecurity.get("runAsUser"));
        assertEquals("RuntimeDefault", path(podSecurity, "seccompProfile").get("type"));
        Map<String, Object> security = path(container, "securityContext");
        assertEquals(true, security.get("runAsNonRoot"));
        assertEquals(10001, security.get("runAsUser"));
        assertEquals(true, security.get("readOnlyRootFilesystem"));
        assertEquals(false, security.get("allowPrivilegeEscalation"));
        assertEquals(List.of("ALL"), path(security, "capabilities").get("drop"));
        assertEquals("RuntimeDefault", path(security, "seccompProfile").get("type"));
        assertTrue(list(container, "volumeMounts").contains(Map.of("name", "tmp", "mountPath", "/tmp")));
        assertTrue(path(named(list(pod, "volumes"), "tmp"), "emptyDir") != null);

        assertEquals(List.of(Map.of("name", "http", "containerPort", 8080, "protocol", "TCP")), list(container, "ports"));
        assertEquals("/q/health/ready", path(container, "readinessProbe", "httpGet").get("path"));
        assertEquals("/q/health/live", path(container, "livenessProbe", "httpGet").get("path"));
        assertEquals("/q/health/started", path(container, "startupProbe", "httpGet").get("path"));
        assertEquals("http", path(container, "readinessProbe", "httpGet").get("port"));
        assertEquals(0, path(deployment, "spec", "strategy", "rollingUpdate").get("maxUnavailable"));
        assertTrue(path(container, "resources", "requests").containsKey("memory"));
        assertTrue(path(container, "resources", "limits").containsKey("memory"));
        assertEquals(2, list(pod, "topologySpreadConstraints").size());
        for (Object constraint : list(pod, "topologySpreadConstraints")) {
            assertEquals("app", path(asMap(constraint), "labelSelector", "matchLabels").get("app.kubernetes.io/component"));
        }
    }

    @Test
    void migrationsRunOnceInAHookJobAndNeverInTheReplicas() {
        List<Map<String, Object>> manifest = render(CHART, null, Map.of());
        assertTrue(ofKind(manifest, "Job").isEmpty(), "Helm keeps the migration Job apart as a hook");

        Map<String, Object> job = only(renderWithHooks(null, Map.of()), "Job");
        assertEquals("pre-install,pre-upgrade", path(job, "metadata", "annotations").get("test.cloudward.io/hook"));
        Map<String, Object> jobContainer = container(job);
        Map<String, Map<String, Object>> jobEnv = env(jobContainer);
        assertEquals("true", jobEnv.get("CLOUDWARD_MIGRATE_ONLY").get("value"));
        assertTrue(String.valueOf(jobEnv.get("JAVA_OPTS").get("value")).contains("-Dquarkus.flyway.platform.migrate-at-start=true"));
        assertEquals("db-owner-password", secretKeyRef(jobEnv.get("CLOUDWARD_DB_OWNER_PASSWORD")).get("key"));
        assertEquals(true, path(jobContainer, "securityContext").get("readOnlyRootFilesystem"));
        assertEquals("Never", path(job, "spec", "template", "spec").get("restartPolicy"));
        assertNull(path(job, "spec", "template", "spec").get("serviceAccountName"),
                "the release's ServiceAccount does not exist yet when the hook runs");

        Map<String, Map<String, Object>> appEnv = env(container(only(manifest, "Deployment")));
        assertEquals("false", appEnv.get("QUARKUS_FLYWAY_PLATFORM_MIGRATE_AT_START").get("value"));
        assertEquals(Map.of("name", "cloudward-secrets", "key", "db-owner-password"),
                secretKeyRef(appEnv.get("CLOUDWARD_DB_OWNER_PASSWORD")), "the platform connection uses the owner role, by reference");
        assertFalse(appEnv.containsKey("CLOUDWARD_MIGRATE_ONLY"));
    }

    @Test
    void secretsReachPodsOnlyThroughSecretKeyRefs() {
        for (Path values : new Path[] {null, PRODUCTION}) {
            for (Map<String, Object> workload : workloads(renderWithHooks(values, Map.of()))) {
                for (Map<String, Object> variable : env(container(workload)).values()) {
                    String name = String.valueOf(variable.get("name"));
                    if (SECRET_LIKE.matcher(name).matches()) {
                        assertTrue(variable.containsKey("valueFrom") || isComposedJaas(variable),
                                workload.get("kind") + " " + name + " must come from a Secret: " + variable);
                    }
                }
                assertFalse(String.valueOf(container(workload).get("envFrom")).contains("secretRef"));
            }
        }
    }

    @Test
    void valuesForACreatedSecretAppearOnlyInsideThatSecret() {
        Map<String, String> sets = new LinkedHashMap<>(Map.of("secrets.create", "true",
                "kafka.securityProtocol", "SASL_SSL", "kafka.sasl.mechanism", "SCRAM-SHA-256"));
        List<String> keys = List.of("db-app-username", "db-app-password", "db-owner-username", "db-owner-password",
                "oidc-client-secret", "session-secret", "encryption-key", "kafka-sasl-username", "kafka-sasl-password");
        keys.forEach(key -> sets.put("secrets.values." + key, "sentinel-" + key + "-x7Q"));

        List<Map<String, Object>> documents = renderWithHooks(null, sets);

        Map<String, Object> secret = only(documents, "Secret");
        assertEquals("pre-install,pre-upgrade", path(secret, "metadata", "annotations").get("test.cloudward.io/hook"));
        Map<String, Object> data = path(secret, "data");
        for (String key : keys) {
            assertEquals("sentinel-" + key + "-x7Q",
                    new String(Base64.getDecoder().decode(String.valueOf(data.get(key))), StandardCharsets.UTF_8));
        }
        for (Map<String, Object> document : documents) {
            if (!"Secret".equals(document.get("kind"))) {
                String text = new Yaml().dump(document);
                for (String key : keys) {
                    String sentinel = "sentinel-" + key + "-x7Q";
                    assertFalse(text.contains(sentinel), document.get("kind") + " shows " + sentinel);
                    assertFalse(text.contains(Base64.getEncoder().encodeToString(sentinel.getBytes(StandardCharsets.UTF_8))),
                            document.get("kind") + " shows " + sentinel + " in base64");
                }
            }
        }
        for (Map<String, Object> workload : workloads(documents)) {
            assertEquals(documentName(secret),
                    secretKeyRef(env(container(workload)).get("CLOUDWARD_DB_APP_PASSWORD")).get("name"));
        }
    }

    @Test
    void productionValuesScaleSpreadMonitorAndRestrictTraffic() {
        List<Map<String, Object>> manifest = render(CHART, PRODUCTION, Map.of());

        Map<String, Object> hpa = only(manifest, "HorizontalPodAutoscaler");
        assertEquals(3, path(hpa, "spec").get("minReplicas"));
        assertEquals(1, path(only(manifest, "PodDisruptionBudget"), "spec").get("maxUnavailable"));
        Map<String, Object> deployment = only(manifest, "Deployment");
        assertFalse(path(deployment, "spec").containsKey("replicas"), "the HPA owns the replica count");
        assertEquals("cloudward-tls", asMap(list(path(only(manifest, "Ingress"), "spec"), "tls").getFirst()).get("secretName"));
        assertEquals("/q/metrics", asMap(list(path(only(manifest, "ServiceMonitor"), "spec"), "endpoints").getFirst()).get("path"));
        assertEquals("arn:aws:iam::111122223333:role/cloudward-collector",
                path(only(manifest, "ServiceAccount"), "metadata", "annotations").get("eks.amazonaws.com/role-arn"));
        // Customer roles trust the same role the pods get through IRSA; each replica names itself in leases.
        assertEquals("arn:aws:iam::111122223333:role/cloudward-collector",
                path(only(manifest, "ConfigMap"), "data").get("CLOUDWARD_AWS_PRINCIPAL_ARN"));

        Map<String, Object> policy = path(only(manifest, "NetworkPolicy"), "spec");
        assertEquals(List.of("Ingress", "Egress"), policy.get("policyTypes"));
        String egress = String.valueOf(policy.get("egress"));
        for (String port : List.of("port=53", "port=5432", "port=9096", "port=443")) {
            assertTrue(egress.contains(port), port + " in " + egress);
        }

        Map<String, Map<String, Object>> env = env(container(deployment));
        assertEquals("metadata.name", String.valueOf(path(env.get("CLOUDWARD_COLLECT_INSTANCE_ID"), "valueFrom", "fieldRef")
                .get("fieldPath")));
        assertEquals("cloudward-kafka", secretKeyRef(env.get("CLOUDWARD_KAFKA_SASL_PASSWORD")).get("name"));
        assertTrue(isComposedJaas(env.get("KAFKA_SASL_JAAS_CONFIG")));
        assertTrue(String.valueOf(env.get("KAFKA_SASL_JAAS_CONFIG").get("value")).startsWith(
                "org.apache.kafka.common.security.scram.ScramLoginModule required"));
        Map<String, Object> config = path(only(manifest, "ConfigMap"), "data");
        assertEquals("SASL_SSL", config.get("KAFKA_SECURITY_PROTOCOL"));
        assertEquals("SCRAM-SHA-512", config.get("KAFKA_SASL_MECHANISM"));
        assertEquals("/etc/cloudward/kafka/ca.pem", config.get("KAFKA_SSL_TRUSTSTORE_LOCATION"));
        assertEquals("PEM", config.get("KAFKA_SSL_TRUSTSTORE_TYPE"));
        assertTrue(list(container(deployment), "volumeMounts").contains(
                Map.of("name", "kafka-truststore", "mountPath", "/etc/cloudward/kafka", "readOnly", true)));
    }

    @Test
    void aCompleteJaasLineCanComeFromASecret() {
        Map<String, Object> deployment = only(render(CHART, null, Map.of("kafka.securityProtocol", "SASL_PLAINTEXT",
                "kafka.sasl.mechanism", "PLAIN", "kafka.sasl.jaasConfigKey", "jaas")), "Deployment");

        Map<String, Map<String, Object>> env = env(container(deployment));
        assertEquals(Map.of("name", "cloudward-secrets", "key", "jaas"), secretKeyRef(env.get("KAFKA_SASL_JAAS_CONFIG")));
        assertFalse(env.containsKey("CLOUDWARD_KAFKA_SASL_PASSWORD"));
    }

    @Test
    void changedSettingsRollThePods() {
        Object before = checksum(render(CHART, null, Map.of()));
        Object after = checksum(render(CHART, null, Map.of("database.url", "jdbc:postgresql://other:5432/cloudward")));

        assertNotEquals(before, after);
    }

    @Test
    void theSchemaRejectsBadValues() {
        for (Map<String, String> bad : List.of(
                Map.of("replicaCount", "three"),
                Map.of("kafka.securityProtocol", "SASL_SSL"),
                Map.of("kafka.securityProtocol", "TLS"),
                Map.of("securityContext.allowPrivilegeEscalation", "true"),
                Map.of("replicaCountt", "3"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> render(CHART, null, bad), bad.toString());
            assertTrue(e.getMessage().contains("schema"), e.getMessage());
        }
    }

    // ---- rendering and navigation ----------------------------------------------------------------

    static List<Map<String, Object>> render(Path chart, Path valuesFile, Map<String, String> sets) {
        TemplateCommand command = new Helm(chart).template().withName("cw").withNamespace("cloudward");
        if (valuesFile != null) {
            command = command.withValuesFile(valuesFile.toAbsolutePath());
        }
        for (Map.Entry<String, String> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(command.call())) {
            if (document != null) {
                documents.add(asMap(document));
            }
        }
        return documents;
    }

    static List<Map<String, Object>> renderWithHooks(Path valuesFile, Map<String, String> sets) {
        return render(hooksVisible, valuesFile, sets);
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    static Map<String, Object> only(List<Map<String, Object>> documents, String kind) {
        List<Map<String, Object>> found = ofKind(documents, kind);
        assertEquals(1, found.size(), "one " + kind + " in " + documents.stream().map(d -> d.get("kind")).toList());
        return found.getFirst();
    }

    static List<Map<String, Object>> workloads(List<Map<String, Object>> documents) {
        List<Map<String, Object>> workloads = new ArrayList<>(ofKind(documents, "Deployment"));
        workloads.addAll(ofKind(documents, "Job"));
        assertEquals(Set.of("Deployment", "Job"), Set.copyOf(workloads.stream().map(w -> w.get("kind")).toList()));
        return workloads;
    }

    static Map<String, Object> container(Map<String, Object> workload) {
        List<Object> containers = list(path(workload, "spec", "template", "spec"), "containers");
        assertEquals(1, containers.size());
        return asMap(containers.getFirst());
    }

    static Map<String, Map<String, Object>> env(Map<String, Object> container) {
        Map<String, Map<String, Object>> env = new LinkedHashMap<>();
        for (Object variable : list(container, "env")) {
            Map<String, Object> map = asMap(variable);
            assertNull(env.put(String.valueOf(map.get("name")), map), "duplicate env " + map.get("name"));
        }
        return env;
    }

    static Map<String, Object> secretKeyRef(Map<String, Object> variable) {
        assertTrue(variable != null, "variable is set");
        return path(variable, "valueFrom", "secretKeyRef");
    }

    /** The JAAS line the chart builds from the SASL user name and password variables, by reference only. */
    static boolean isComposedJaas(Map<String, Object> variable) {
        String value = String.valueOf(variable.get("value"));
        return "KAFKA_SASL_JAAS_CONFIG".equals(variable.get("name"))
                && value.matches(".*LoginModule required username=\"\\$\\(CLOUDWARD_KAFKA_SASL_USERNAME\\)\" "
                        + "password=\"\\$\\(CLOUDWARD_KAFKA_SASL_PASSWORD\\)\";");
    }

    static Object checksum(List<Map<String, Object>> manifest) {
        return path(only(manifest, "Deployment"), "spec", "template", "metadata", "annotations").get("checksum/config");
    }

    static String documentName(Map<String, Object> document) {
        return String.valueOf(path(document, "metadata").get("name"));
    }

    static Map<String, Object> named(List<Object> items, String name) {
        return items.stream().map(YamlMaps::asMap).filter(i -> name.equals(i.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + items));
    }
}
