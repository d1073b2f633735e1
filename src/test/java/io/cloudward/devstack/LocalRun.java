package io.cloudward.devstack;

import java.nio.file.Path;
import java.time.Duration;
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
        if (arguments.contains("--reset")) {
            System.out.println("cloudward: --reset: forgetting all local data in " + dataDir);
            DevStack.resetData(dataDir);
        }
        String appUrl = "http://localhost:" + port;
        long started = System.nanoTime();
        System.out.println("cloudward: starting PostgreSQL, Kafka and Keycloak (data in " + dataDir + ") ...");
        DevStack stack = DevStack.start(new DevStack.Options(project, dataDir, 8180, appUrl));
        AppProcess app = AppProcess.start("cloudward", project, port, stack.cloudwardConfig(), Map.of(), null);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("cloudward: stopping ...");
            app.stop(Duration.ofSeconds(30));
            stack.close();
            System.out.println("cloudward: stopped.");
        }, "local-run-stop"));
        if (app.awaitReady(Duration.ofMinutes(3))) {
            printBanner(appUrl, stack, Duration.ofNanos(System.nanoTime() - started));
        } else {
            System.err.println("cloudward: the application did not become ready; see the log above");
        }
        int exit = app.waitFor();
        System.exit(exit == 143 ? 0 : exit);
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
