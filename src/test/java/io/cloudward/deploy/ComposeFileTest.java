package io.cloudward.deploy;

import static io.cloudward.deploy.YamlMaps.asMap;
import static io.cloudward.deploy.YamlMaps.list;
import static io.cloudward.deploy.YamlMaps.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** docker-compose.yml cannot run here (no Docker engine): check that it parses and holds together. */
class ComposeFileTest {

    static Map<String, Object> services;

    @BeforeAll
    static void parse() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Map<String, Object> compose = asMap(
                new Yaml(new SafeConstructor(options)).load(Files.readString(Path.of("docker-compose.yml"))));
        services = asMap(compose.get("services"));
    }

    @Test
    void theFourServicesUseTheSupportedVersions() {
        assertEquals(Set.of("postgres", "kafka", "keycloak", "cloudward"), services.keySet());
        assertEquals("postgres:17", service("postgres").get("image"));
        assertTrue(String.valueOf(service("kafka").get("image")).matches("apache/kafka:4\\.\\d+\\.\\d+"));
        assertTrue(String.valueOf(service("keycloak").get("image")).matches("quay.io/keycloak/keycloak:26\\.5(\\.\\d+)?"));
        assertEquals(".", service("cloudward").get("build"), "Cloudward is built from the repository's Dockerfile");
    }

    @Test
    void everyServiceHasAHealthcheck() {
        for (String name : services.keySet()) {
            Map<String, Object> healthcheck = path(service(name), "healthcheck");
            List<Object> test = list(healthcheck, "test");
            assertTrue(Set.of("CMD", "CMD-SHELL").contains(test.getFirst()) && test.size() > 1, name + ": " + test);
        }
    }

    @Test
    void cloudwardStartsOnlyOnceItsServicesAreHealthy() {
        Map<String, Object> dependsOn = path(service("cloudward"), "depends_on");

        assertEquals(Set.of("postgres", "kafka", "keycloak"), dependsOn.keySet());
        dependsOn.values().forEach(d -> assertEquals("service_healthy", asMap(d).get("condition")));
    }

    @Test
    void cloudwardRunsTheDevProfileWithTheSandboxAsTheAppRole() {
        Map<String, Object> env = path(service("cloudward"), "environment");

        assertEquals("dev", env.get("QUARKUS_PROFILE"));
        assertEquals("true", env.get("CLOUDWARD_SANDBOX_ENABLED"));
        assertEquals("cloudward_app", env.get("QUARKUS_DATASOURCE_USERNAME"));
        assertEquals("cloudward_owner", env.get("QUARKUS_FLYWAY_USERNAME"));
        assertEquals("kafka:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("http://keycloak:8180/realms/cloudward", env.get("QUARKUS_OIDC_AUTH_SERVER_URL"));
        assertEquals(path(service("keycloak"), "environment").get("CLOUDWARD_WEB_CLIENT_SECRET"),
                env.get("QUARKUS_OIDC_CREDENTIALS_SECRET"));
        assertTrue(env.containsKey("CLOUDWARD_SECRETS_KEY"));
    }

    @Test
    void keycloakImportsTheProjectsRealm() {
        Map<String, Object> keycloak = service("keycloak");

        assertTrue(list(keycloak, "command").contains("--import-realm"));
        String realm = mountedFile(keycloak, "/opt/keycloak/data/import/cloudward-realm.json");
        assertEquals("./src/main/keycloak/cloudward-realm.json", realm);
    }

    @Test
    void postgresCreatesTheOwnerAndAnAppRoleWithoutBypassRls() throws IOException {
        String init = mountedFile(service("postgres"), "/docker-entrypoint-initdb.d/10-cloudward-roles.sql");
        String sql = Files.readString(Path.of(init)).toLowerCase();

        assertTrue(sql.contains("create role cloudward_owner login"), sql);
        assertTrue(sql.matches("(?s).*create role cloudward_app login[^;]*nobypassrls;.*"), sql);
        assertTrue(sql.contains("create database cloudward owner cloudward_owner"), sql);
    }

    /** The host file mounted at a container path; it must exist in the repository. */
    static String mountedFile(Map<String, Object> service, String containerPath) {
        for (Object volume : list(service, "volumes")) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts.length >= 2 && parts[1].equals(containerPath)) {
                assertTrue(Files.isRegularFile(Path.of(parts[0])), parts[0] + " exists");
                return parts[0];
            }
        }
        throw new AssertionError(containerPath + " is not mounted: " + service.get("volumes"));
    }

    static Map<String, Object> service(String name) {
        return asMap(services.get(name));
    }
}
