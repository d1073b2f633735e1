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
 * The local run behind {@code ./cloudward}: starts PostgreSQL, Kafka and Keycloak with their data in
 * {@code .cloudward/}, then Cloudward itself (with the AWS sandbox and the demo tenant), prints where to
 * go and who to sign in as, and stops everything it started on Ctrl-C.
 *
 * <p>Arguments: {@code --reset} forgets all data first; {@code --port N} serves Cloudward on N (8080).
 */
public final class LocalRun {
    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        int port = arguments.contains("--port") ? Integer.parseInt(arguments.get(arguments.indexOf("--port") + 1)) : 8080;
        Path project = Path.of("").toAbsolutePath();
        Path dataDir = project.resolve(".cloudward");
        Path appJar = project.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(appJar)) {
            throw new IllegalStateException(appJar + " is missing: ./cloudward builds it before starting");
        }
        if (arguments.contains("--reset")) {
            System.out.println("cloudward: --reset: forgetting all local data in " + dataDir);
            DevStack.resetData(dataDir);
        }
        String appUrl = "http://localhost:" + port;
        long started = System.nanoTime();
        System.out.println("cloudward: starting PostgreSQL, Kafka and Keycloak (data in " + dataDir + ") ...");
        DevStack stack = DevStack.start(new DevStack.Options(project, dataDir, 8180, appUrl));
        ChildProcess app = ChildProcess.start("cloudward", appCommand(stack, appJar, port), Map.of(), project, null);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("cloudward: stopping ...");
            app.stop(Duration.ofSeconds(30));
            stack.close();
            System.out.println("cloudward: stopped.");
        }, "local-run-stop"));
        if (awaitReady(app, appUrl + "/q/health/ready", Duration.ofMinutes(3))) {
            printBanner(appUrl, stack, Duration.ofNanos(System.nanoTime() - started));
        }
        int exit = app.waitFor();
        System.exit(exit == 143 ? 0 : exit);
    }

    private static List<String> appCommand(DevStack stack, Path appJar, int port) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseG1GC",
                "-Dquarkus.profile=dev",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port));
        stack.cloudwardConfig().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", appJar.toString()));
        return command;
    }

    private static boolean awaitReady(ChildProcess app, String url, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && app.isAlive()) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        System.err.println("cloudward: the application did not become ready; see the log above");
        return false;
    }

    private static void printBanner(String appUrl, DevStack stack, Duration took) {
        System.out.printf("""

                ==================================================================
                 Cloudward is ready (%d s): %s
                   sign in as   alice / alice-password   (OWNER of the demo tenant, one-time code required)
                                bob   / bob-password     (ANALYST)
                                carol / carol-password   (VIEWER)
                   alice's code authenticator app secret %s, or with Java 21+:
                                java -cp target/test-classes io.cloudward.devstack.Totp
                   Keycloak     %s  (admin / admin)
                   API docs     %s/q/swagger-ui
                 Ctrl-C stops everything.
                ==================================================================

                """, took.toSeconds(), appUrl, DemoUsers.ALICE_OTP_SECRET, stack.keycloak().url(), appUrl);
    }
}
