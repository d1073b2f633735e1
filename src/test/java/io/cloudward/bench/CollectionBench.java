package io.cloudward.bench;

import io.cloudward.aws.ApiCallMetrics;
import io.cloudward.aws.AwsClientFactory;
import io.cloudward.aws.AwsClientSettings;
import io.cloudward.aws.AwsRuntime;
import io.cloudward.aws.RoleSession;
import io.cloudward.sandbox.estate.AwsRegions;
import io.cloudward.sandbox.estate.GeneratedEstate;
import io.cloudward.sandbox.estate.gen.EstateGenerator;
import io.cloudward.sandbox.identity.HubPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A full posture + threat collection cycle of a generated sandbox estate, through Cloudward's collectors and
 * checks ({@link CloudwardCycle}), then the same AWS calls from a bare SDK loop ({@link BareSdkCycle}) with
 * the same concurrency, in the same JVM and against the same sandbox (its own JVM, with latency injected on
 * every call). Prints wall time, AWS calls/s, CPU and heap of each, and the ratio of their call rates.
 * Options: {@code --accounts=1000 --regions=17 --latency=20 --warmup=20 --runs=16 --regions-per-account=4
 * --collections=64 --order=cloudward-first}.
 */
public final class CollectionBench {

    private static final Set<String> OPTIONS = Set.of("accounts", "regions", "latency", "warmup", "runs",
            "regions-per-account", "collections", "order", "sandbox-heap");

    private CollectionBench() {
    }

    public static void main(String[] args) throws Exception {
        int accounts = Integer.parseInt(option(args, "accounts", "1000"));
        int regionCount = Integer.parseInt(option(args, "regions", "17"));
        int latency = Integer.parseInt(option(args, "latency", "20"));
        int warmup = Integer.parseInt(option(args, "warmup", "20"));
        CollectionFanout.Limits limits = new CollectionFanout.Limits(Integer.parseInt(option(args, "runs", "16")),
                Integer.parseInt(option(args, "regions-per-account", "4")),
                Integer.parseInt(option(args, "collections", "64")));
        boolean bareFirst = option(args, "order", "cloudward-first").equals("bare-first");
        List<String> regions = AwsRegions.ENABLED_BY_DEFAULT.subList(0, Math.min(regionCount, AwsRegions.ENABLED_BY_DEFAULT.size()));
        System.out.printf("JVM %s, %d processors, max heap %d MiB; %d accounts x %d regions, %d ms latency per call; "
                        + "at once: %d accounts, %d regions each, %d collections%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, accounts,
                regions.size(), latency, limits.accounts(), limits.regionsPerAccount(), limits.collections());

        GeneratedEstate spec = new GeneratedEstate(accounts, regions, 42);
        try (SandboxProcess sandbox = SandboxProcess.start(option(args, "sandbox-heap", "1g"), List.of("--scenarios=none",
                "--accounts=" + accounts, "--regions=" + String.join(",", regions), "--seed=42",
                "--lookup-events-per-second=0", "--fault=latency millis=" + latency))) {
            List<BenchAccount> all = accounts(spec);
            AwsClientSettings settings = AwsClientSettings.sandbox(sandbox.endpoint())
                    .withMaxConnections(Math.max(200, limits.collections() * 2));
            AwsCredentialsProvider hub = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    HubPrincipal.DEFAULT.accessKeyId(), HubPrincipal.DEFAULT.secretAccessKey()));
            CollectionFanout fanout = new CollectionFanout(limits, regions);
            Clock clock = Clock.systemUTC();

            // Warm both paths up (JIT, connection pool, the sandbox's first builds) on a few accounts.
            List<BenchAccount> few = all.subList(0, Math.min(warmup, all.size()));
            try (AwsRuntime runtime = AwsRuntime.of(settings, hub, clock); AwsClientFactory factory = new AwsClientFactory(settings)) {
                fanout.run(few, new CloudwardCycle(runtime, regions, clock));
                fanout.run(few, new BareSdkCycle(factory, hub, clock));
            }
            System.out.printf(Locale.ROOT, "warm-up on %d accounts done; load average %.2f%n", few.size(), JvmMeter.loadAverage());

            double cloudwardRate;
            double bareRate;
            if (bareFirst) {
                bareRate = bare(fanout, all, settings, hub, clock, sandbox);
                cloudwardRate = cloudward(fanout, all, settings, hub, clock, regions, sandbox);
            } else {
                cloudwardRate = cloudward(fanout, all, settings, hub, clock, regions, sandbox);
                bareRate = bare(fanout, all, settings, hub, clock, sandbox);
            }
            System.out.printf(Locale.ROOT, "ratio Cloudward / bare SDK (AWS calls/s): %.2f (target >= 0.7)%n",
                    cloudwardRate / bareRate);
        }
    }

    private static double cloudward(CollectionFanout fanout, List<BenchAccount> all, AwsClientSettings settings,
                                    AwsCredentialsProvider hub, Clock clock, List<String> regions, SandboxProcess sandbox) {
        System.gc();
        double sandboxCpu = sandbox.cpuSeconds();
        try (AwsRuntime runtime = AwsRuntime.of(settings, hub, clock); JvmMeter meter = new JvmMeter()) {
            CloudwardCycle cycle = new CloudwardCycle(runtime, regions, clock);
            long failed = fanout.run(all, cycle);
            JvmMeter.Figures figures = meter.figures();
            ApiCallMetrics metrics = runtime.metrics();
            long calls = metrics.totalCalls() + runtime.sessions().assumeRoleCalls();
            report("cloudward", figures, calls, metrics.attempts(), failed, sandbox.cpuSeconds() - sandboxCpu);
            System.out.printf(Locale.ROOT, "  sources: %s; rows to the findings store: %d (%d check results, %d GuardDuty "
                            + "findings, %d trail signals) in %d batches%n", cycle.outcomeSummary(), cycle.totals.rows(),
                    cycle.totals.checkResults.sum(), cycle.totals.guardDutyFindings.sum(), cycle.totals.trailSignals.sum(),
                    cycle.totals.batches.sum());
            System.out.println("  per source: " + cycle.sourceSummary());
            return calls / figures.seconds();
        }
    }

    private static double bare(CollectionFanout fanout, List<BenchAccount> all, AwsClientSettings settings,
                               AwsCredentialsProvider hub, Clock clock, SandboxProcess sandbox) {
        System.gc();
        double sandboxCpu = sandbox.cpuSeconds();
        try (AwsClientFactory factory = new AwsClientFactory(settings); JvmMeter meter = new JvmMeter()) {
            BareSdkCycle cycle = new BareSdkCycle(factory, hub, clock);
            long failed = fanout.run(all, cycle);
            JvmMeter.Figures figures = meter.figures();
            long calls = cycle.metrics.totalCalls() + all.size(); // + one AssumeRole per account
            report("bare sdk", figures, calls, cycle.metrics.attempts(), failed, sandbox.cpuSeconds() - sandboxCpu);
            return calls / figures.seconds();
        }
    }

    private static void report(String side, JvmMeter.Figures f, long calls, long attempts, long failed, double sandboxCpu) {
        System.out.printf(Locale.ROOT, "%-9s: %.1f s wall, %d AWS calls (%d HTTP attempts) = %.0f calls/s; CPU %.2f cores "
                        + "(sandbox JVM %.2f cores); heap peak %d MiB, live after GC %d MiB; %d failed jobs; load average %.2f%n",
                side, f.seconds(), calls, attempts, calls / f.seconds(), f.cores(), sandboxCpu / f.seconds(),
                f.peakHeapBytes() >> 20, f.liveHeapBytes() >> 20, failed, f.loadAverage());
    }

    private static List<BenchAccount> accounts(GeneratedEstate spec) {
        EstateGenerator generator = new EstateGenerator(spec, Instant.now());
        List<BenchAccount> accounts = new ArrayList<>();
        IntStream.range(0, spec.accounts()).forEach(i -> {
            String id = generator.accountId(i);
            String externalId = generator.account(i).roles().getFirst().externalId();
            accounts.add(new BenchAccount(id, new RoleSession("arn:aws:iam::" + id + ":role/" + EstateGenerator.ROLE_NAME,
                    externalId)));
        });
        return accounts;
    }

    private static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0 && !OPTIONS.contains(arg.substring(2, eq))) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }
}
