package io.cloudward.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real Keycloak (the keycloak-quarkus-dist zip that Maven keeps in ~/.m2), unpacked once into the
 * stack's folder and started in dev mode with the realm that lives in the repository.
 */
public final class KeycloakServer implements AutoCloseable {
    public static final String REALM = "cloudward";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private final int port;
    private final ChildProcess process;

    private KeycloakServer(int port, ChildProcess process) {
        this.port = port;
        this.process = process;
    }

    /**
     * A Keycloak of its own for tests that need nothing else (no PostgreSQL, no Kafka): the realm is imported
     * afresh from the repository, Keycloak listens on a free port and logs to {@code dataDir/logs}. The
     * distribution is unpacked into {@code dataDir} on first use. Run from the project folder after a build.
     *
     * @param appUrl the Cloudward URL that the web client's redirect URIs allow ({@code appUrl/*})
     */
    public static KeycloakServer startForTests(Path dataDir, String appUrl) {
        Path project = Path.of("").toAbsolutePath();
        Path zip = DevStack.keycloakDistZip(DevStack.readClasspath(project));
        Path logDir = dataDir.toAbsolutePath().resolve("logs");
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        resetData(dataDir.toAbsolutePath());
        return start(dataDir.toAbsolutePath(), logDir, zip, project.resolve(DevStack.REALM_FILE), 0, appUrl);
    }

    /**
     * @param appUrl the Cloudward URL the web client redirects back to (substituted into the realm file)
     */
    static KeycloakServer start(Path dataDir, Path logDir, Path distZip, Path realmFile, int preferredPort, String appUrl) {
        Path home = unpack(distZip, dataDir.resolve("keycloak"));
        try {
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(realmFile, imports.resolve("cloudward-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = Ports.preferred(preferredPort);
        int management = Ports.free();
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + management,
                "--hostname=http://localhost:" + port, "--health-enabled=true", "--import-realm",
                "--cache=local");
        Map<String, String> env = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx512m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "CLOUDWARD_URL", appUrl);
        ChildProcess process = ChildProcess.start("keycloak", command, env, home, logDir.resolve("keycloak.log"));
        KeycloakServer server = new KeycloakServer(port, process);
        server.awaitReady(management, logDir.resolve("keycloak.log"), Duration.ofSeconds(240));
        return server;
    }

    /** Drops Keycloak's own database so that the realm is imported afresh on the next start. */
    static void resetData(Path dataDir) {
        try (var homes = Files.list(dataDir.resolve("keycloak"))) {
            homes.filter(Files::isDirectory).forEach(home -> DevStack.deleteRecursively(home.resolve("data/h2")));
        } catch (IOException e) {
            // nothing unpacked yet
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }

    private void awaitReady(int management, Path log, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest realm = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited during start-up, see " + log);
            }
            try {
                if (http.send(realm, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Keycloak not ready after " + timeout + ", see " + log);
            }
            sleep(500);
        }
    }

    /** Unpacks the distribution once; the marker file makes a half-finished unpack start over. */
    private static Path unpack(Path zip, Path target) {
        Path marker = target.resolve(".unpacked-" + zip.getFileName());
        try {
            if (Files.exists(marker)) {
                return target.resolve(topFolder(zip));
            }
            Files.createDirectories(target);
            String top;
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                top = topFolder(zip);
                Enumeration<? extends ZipEntry> entries = archive.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    Path out = target.resolve(entry.getName()).normalize();
                    if (!out.startsWith(target)) {
                        throw new IOException("zip entry outside the target folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                        continue;
                    }
                    Files.createDirectories(out.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (entry.getName().endsWith(".sh")) {
                        out.toFile().setExecutable(true);
                    }
                }
            }
            Files.writeString(marker, "ok");
            return target.resolve(top);
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + zip, e);
        }
    }

    private static String topFolder(Path zip) throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            String first = archive.entries().nextElement().getName();
            return first.substring(0, first.indexOf('/'));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
