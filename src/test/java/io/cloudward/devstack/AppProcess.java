package io.cloudward.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cloudward itself, the packaged application ({@code target/quarkus-app}), run as its own process with the
 * dev profile: the local run starts one, the scale-out test starts two against one database and one Kafka.
 */
public final class AppProcess implements AutoCloseable {

    private final ChildProcess process;
    private final String url;

    private AppProcess(ChildProcess process, String url) {
        this.process = process;
        this.url = url;
    }

    /**
     * @param config system properties for the application (e.g. {@link DevStack#cloudwardConfig()})
     * @param env    environment variables (e.g. AWS credentials for the standard chain)
     * @param log    where its output goes; null for this process's console
     */
    public static AppProcess start(String name, Path project, int port, Map<String, String> config,
                                   Map<String, String> env, Path log) {
        Path appJar = project.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(appJar)) {
            throw new IllegalStateException(appJar + " is missing: package the application first (./mvnw package)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseG1GC",
                "-Dquarkus.profile=dev",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", appJar.toString()));
        return new AppProcess(ChildProcess.start(name, command, env, project, log), "http://localhost:" + port);
    }

    public String url() {
        return url;
    }

    /** Waits until {@code /q/health/ready} answers 200; false when the process died or time ran out. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        return false;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Kills it the way a crashed node dies: SIGKILL, no shutdown hooks, leases left behind. */
    public void kill() {
        process.kill();
    }

    /** Stops it gracefully (SIGTERM, then SIGKILL after the grace period). */
    public void stop(Duration grace) {
        process.stop(grace);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
