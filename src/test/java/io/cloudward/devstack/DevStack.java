package io.cloudward.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The real services Cloudward runs on — PostgreSQL, Kafka and Keycloak — started without Docker on
 * free loopback ports, with their data under one folder. Used by the test suite (through
 * {@link CloudwardTestResource}) and by the local run ({@link LocalRun}).
 */
public final class DevStack implements AutoCloseable {
    public static final String WEB_CLIENT = "cloudward-web";
    public static final String WEB_CLIENT_SECRET = "cloudward-web-dev-secret";
    public static final String API_CLIENT = "cloudward-api";
    public static final String CLI_CLIENT = "cloudward-cli";

    /** The realm Keycloak imports, relative to the checkout. */
    static final String REALM_FILE = "src/main/keycloak/cloudward-realm.json";

    /** The port of the application under test (quarkus.http.test-port), which Keycloak redirects back to. */
    public static final int TEST_APP_PORT = 18081;

    private static DevStack shared;

    private final Path dataDir;
    private final PostgresServer postgres;
    private final KafkaServer kafka;
    private final KeycloakServer keycloak;

    private DevStack(Path dataDir, PostgresServer postgres, KafkaServer kafka, KeycloakServer keycloak) {
        this.dataDir = dataDir;
        this.postgres = postgres;
        this.kafka = kafka;
        this.keycloak = keycloak;
    }

    /** What the stack needs to know about the checkout and where the application will listen. */
    public record Options(Path projectDir, Path dataDir, int keycloakPort, String appUrl) {
    }

    /** Starts the three services in parallel; on any failure stops the ones that did start. */
    public static DevStack start(Options options) {
        Path logDir = options.dataDir().resolve("logs");
        String classpath = readClasspath(options.projectDir());
        Path keycloakZip = keycloakDistZip(classpath);
        Path realm = options.projectDir().resolve(REALM_FILE);
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var pg = CompletableFuture.supplyAsync(() -> PostgresServer.start(options.dataDir(), logDir));
        var kafka = CompletableFuture.supplyAsync(() -> KafkaServer.start(options.dataDir(), logDir, classpath));
        var keycloak = CompletableFuture.supplyAsync(() -> KeycloakServer.start(options.dataDir(), logDir, keycloakZip,
                realm, options.keycloakPort(), options.appUrl()));
        try {
            CompletableFuture.allOf(pg, kafka, keycloak).join();
            return new DevStack(options.dataDir(), pg.join(), kafka.join(), keycloak.join());
        } catch (RuntimeException e) {
            for (CompletableFuture<? extends AutoCloseable> service : java.util.List.of(pg, kafka, keycloak)) {
                if (!service.isCompletedExceptionally()) {
                    closeQuietly(service.join());
                }
            }
            throw e;
        }
    }

    /** One stack per test JVM, started on first use and stopped when the JVM exits. */
    public static synchronized DevStack shared() {
        if (shared == null) {
            Path project = Path.of("").toAbsolutePath();
            Path dir = project.resolve("target/devstack");
            lockExclusively(dir);
            resetData(dir);
            shared = start(new Options(project, dir, 0, "http://localhost:" + TEST_APP_PORT));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "devstack-stop"));
        }
        return shared;
    }

    public KafkaServer kafka() {
        return kafka;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The settings that point Cloudward at this stack (the same names as in application.properties). */
    public Map<String, String> cloudwardConfig() {
        return cloudwardConfig(postgres.jdbcUrl(), kafka.bootstrapServers(), keycloak.realmUrl());
    }

    /** The settings for a Cloudward instance using the stack's services at these addresses. */
    public static Map<String, String> cloudwardConfig(String jdbcUrl, String kafkaBootstrapServers, String realmUrl) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl);
        config.put("quarkus.datasource.username", PostgresServer.APP);
        config.put("quarkus.datasource.password", PostgresServer.APP);
        config.put("quarkus.datasource.platform.jdbc.url", jdbcUrl);
        config.put("quarkus.datasource.platform.username", PostgresServer.OWNER);
        config.put("quarkus.datasource.platform.password", PostgresServer.OWNER);
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers);
        config.put("quarkus.oidc.auth-server-url", realmUrl);
        config.put("quarkus.oidc.client-id", WEB_CLIENT);
        config.put("quarkus.oidc.credentials.secret", WEB_CLIENT_SECRET);
        config.put("quarkus.oidc.api.auth-server-url", realmUrl);
        return config;
    }

    @Override
    public void close() {
        closeQuietly(keycloak);
        closeQuietly(kafka);
        closeQuietly(postgres);
    }

    static Path keycloakDistZip(String classpath) {
        return Arrays.stream(classpath.split(java.io.File.pathSeparator))
                .filter(entry -> entry.contains("keycloak-quarkus-dist") && entry.endsWith(".zip"))
                .map(Path::of).findFirst()
                .orElseThrow(() -> new IllegalStateException("keycloak-quarkus-dist zip is not on the test class path"));
    }

    static String readClasspath(Path projectDir) {
        Path file = projectDir.resolve("target/devstack.classpath");
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is missing: build with ./mvnw first", e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("devstack: could not stop " + closeable + ": " + e);
        }
    }

    /**
     * Holds an OS file lock on the stack's folder for the life of this JVM, so a second test run in the
     * same checkout fails at once instead of wiping the data of the stack that is running.
     */
    private static void lockExclusively(Path dir) {
        try {
            Files.createDirectories(dir);
            java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(dir.resolve(".lock"),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                channel.close();
                throw new IllegalStateException(dir + " is in use by another test run in this checkout; wait for it to end");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new IllegalStateException(dir + " is already locked by this JVM through another class loader", e);
        }
    }

    /** Forgets all data but keeps the unpacked Keycloak distribution, which takes a while to prepare. */
    public static void resetData(Path dataDir) {
        deleteRecursively(dataDir.resolve("pgdata"));
        deleteRecursively(dataDir.resolve("kafka"));
        KeycloakServer.resetData(dataDir);
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
