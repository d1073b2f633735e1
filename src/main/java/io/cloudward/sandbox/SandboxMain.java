package io.cloudward.sandbox;

import io.cloudward.sandbox.estate.Account;
import io.cloudward.sandbox.estate.GeneratedEstate;
import io.cloudward.sandbox.estate.Role;
import io.cloudward.sandbox.faults.FaultRule;
import io.cloudward.sandbox.identity.HubPrincipal;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox on its own, for the AWS CLI or any SDK. Options ({@code --name=value}, or the system
 * property {@code cloudward.sandbox.<name>}):
 * <ul>
 *   <li>{@code port} (4566), {@code hostname} (localhost)</li>
 *   <li>{@code scenarios}: comma-separated bundled scenario names or estate file paths (all four bundled
 *       scenarios by default; {@code none} for none)</li>
 *   <li>{@code accounts}, {@code regions}: a generated population (none by default)</li>
 *   <li>{@code seed}: seed of the generated population and of every account's activity (42)</li>
 *   <li>{@code fault}: a fault rule such as {@code "throttle service=guardduty rate=0.5"} (repeatable)</li>
 *   <li>{@code lookup-events-per-second}: CloudTrail LookupEvents allowance (2, as AWS; 0 for unlimited)</li>
 * </ul>
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxSettings settings = settings(args);
        SandboxServer sandbox = SandboxServer.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        describe(sandbox, System.out);
        stopped.await();
    }

    static SandboxSettings settings(String[] args) {
        SandboxSettings settings = SandboxSettings.defaults();
        String port = option(args, "port");
        if (port != null) {
            settings = settings.withPort(Integer.parseInt(port));
        }
        String hostname = option(args, "hostname");
        if (hostname != null) {
            settings = new SandboxSettings(settings.bindAddress(), hostname, settings.port(), settings.scenarios(),
                    settings.generated(), settings.faults(), settings.lookupEventsPerSecond(), settings.seed(),
                    settings.hub());
        }
        String scenarios = option(args, "scenarios");
        if (scenarios != null) {
            settings = settings.withScenarios(scenarios.equals("none") ? List.of()
                    : Arrays.stream(scenarios.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
        }
        String seed = option(args, "seed");
        if (seed != null) {
            settings = settings.withSeed(Long.parseLong(seed));
        }
        String accounts = option(args, "accounts");
        if (accounts != null) {
            String regions = option(args, "regions");
            settings = settings.withGenerated(new GeneratedEstate(Integer.parseInt(accounts),
                    regions == null ? null : Arrays.stream(regions.split(",")).map(String::trim).toList(),
                    settings.seed()));
        }
        List<FaultRule> faults = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--fault=")) {
                faults.add(FaultRule.parse(arg.substring("--fault=".length())));
            }
        }
        String propertyFault = System.getProperty("cloudward.sandbox.fault");
        if (propertyFault != null) {
            faults.add(FaultRule.parse(propertyFault));
        }
        String lookup = option(args, "lookup-events-per-second");
        if (lookup != null) {
            settings = settings.withLookupEventsPerSecond(Double.parseDouble(lookup));
        }
        return settings.withFaults(faults);
    }

    static void describe(SandboxServer sandbox, PrintStream out) {
        HubPrincipal hub = sandbox.hubCredentials();
        out.println("Cloudward AWS sandbox listening on " + sandbox.endpoint());
        out.println();
        out.println("Hub credentials (" + hub.arn() + "):");
        out.println("  export AWS_ACCESS_KEY_ID=" + hub.accessKeyId());
        out.println("  export AWS_SECRET_ACCESS_KEY=" + hub.secretAccessKey());
        out.println("  export AWS_DEFAULT_REGION=eu-west-1");
        out.println();
        int total = sandbox.estate().accountCount();
        out.println("Accounts (" + total + "):");
        for (String id : sandbox.estate().accountIds(0, 12)) {
            Account account = sandbox.estate().account(id).orElseThrow();
            for (Role role : account.roles()) {
                out.printf("  %s %-14s %s  ExternalId: %s%n", id, account.name(), role.arn(id),
                        role.externalId() == null ? "(none: the trust policy has no ExternalId condition)"
                                : role.externalId());
            }
        }
        if (total > 12) {
            out.println("  … and " + (total - 12) + " more: GET " + sandbox.endpoint() + "/_sandbox/accounts?offset=12");
        }
        out.println();
        out.println("Try:");
        out.println("  aws --endpoint-url " + sandbox.endpoint() + " sts assume-role --role-arn "
                + "arn:aws:iam::111111111111:role/CloudwardSecurityAudit --role-session-name cli "
                + "--external-id cw-codespaces-5f2c9a71e4");
        out.println("Admin API: " + sandbox.endpoint() + "/_sandbox/ (loopback only; see ESTATE-FORMAT.md)");
    }

    private static String option(String[] args, String name) {
        String prefix = "--" + name + "=";
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return System.getProperty("cloudward.sandbox." + name);
    }
}
