package io.cloudward.bench;

import io.cloudward.aws.AssumedRoleCredentials;
import io.cloudward.aws.AwsClientFactory;
import io.cloudward.aws.AwsClientSettings;
import io.cloudward.sandbox.SandboxServer;
import io.cloudward.sandbox.SandboxSettings;
import io.cloudward.sandbox.estate.AwsRegions;
import io.cloudward.sandbox.estate.Estate;
import io.cloudward.sandbox.estate.GeneratedEstate;
import io.cloudward.sandbox.estate.gen.EstateGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Measures the sandbox: how long a generated estate takes to build and how much heap it holds, and how
 * many AWS calls a second it answers on loopback, with their latency. Two load modes: {@code sdk} drives
 * real AWS SDK clients (the client's own CPU counts, on the same machine); {@code raw} replays requests
 * the SDK signed, from lightweight HTTP clients, to show what the server itself sustains.
 * Options: {@code --accounts=1000 --regions=17 --threads=16 --seconds=20 --warmup=10 --mode=both}.
 */
public final class SandboxBench {

    private static final Set<String> OPTIONS = Set.of("accounts", "regions", "threads", "seconds", "warmup", "mode");
    private static final Recorder RECORDER = new Recorder();
    private static final ClientOverrideConfiguration RECORDING = ClientOverrideConfiguration.builder()
            .addExecutionInterceptor(RECORDER).build();

    private SandboxBench() {
    }

    public static void main(String[] args) throws Exception {
        int accounts = Integer.parseInt(option(args, "accounts", "1000"));
        int regionCount = Integer.parseInt(option(args, "regions", "17"));
        int threads = Integer.parseInt(option(args, "threads", "16"));
        int seconds = Integer.parseInt(option(args, "seconds", "20"));
        int warmup = Integer.parseInt(option(args, "warmup", "10"));
        String mode = option(args, "mode", "both");
        List<String> regions = AwsRegions.ENABLED_BY_DEFAULT.subList(0, Math.min(regionCount, 17));
        System.out.printf("JVM %s, %d processors, max heap %d MiB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        long heapBefore = usedHeap();
        long start = System.nanoTime();
        SandboxServer sandbox = SandboxServer.start(SandboxSettings.defaults().withPort(0).withLookupEventsPerSecond(0)
                .withGenerated(new GeneratedEstate(accounts, regions, 42)));
        double buildMillis = (System.nanoTime() - start) / 1e6;
        System.out.printf("estate: %d accounts x %d regions (+4 scenario accounts) started in %.0f ms; heap %d MiB%n",
                accounts, regions.size(), buildMillis, (usedHeap() - heapBefore) >> 20);

        Estate estate = sandbox.estate();
        EstateGenerator generator = estate.generator().orElseThrow();
        start = System.nanoTime();
        long findings = 0;
        for (int i = 0; i < accounts; i++) {
            for (String region : regions) {
                findings += estate.region(generator.accountId(i), region).findings().size();
            }
        }
        double walkSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("every account x region built with 90 days of history in %.1f s (%d findings); "
                + "heap %d MiB (regions beyond the cache are rebuilt from the seed on demand)%n",
                walkSeconds, findings, (usedHeap() - heapBefore) >> 20);

        try (AwsClientFactory factory = new AwsClientFactory(AwsClientSettings.sandbox(sandbox.endpoint())
                .withMaxConnections(threads * 2).withMaxAttempts(1))) {
            List<Workload> workloads = workloads(sandbox, factory, generator, Math.min(accounts, 50), regions);
            if (mode.equals("sdk") || mode.equals("both")) {
                report("sdk", run(threads, warmup, seconds, workloads));
            }
            if (mode.equals("raw") || mode.equals("both")) {
                report("raw", replay(sandbox.endpoint().getPort(), threads, warmup, seconds, record(workloads)));
            }
        } finally {
            sandbox.close();
        }
    }

    /** One kind of call, made by whichever thread picks it. */
    private record Workload(Runnable call) {
    }

    private record Result(long calls, long errors, double seconds, long[] latenciesNanos, double coresUsed) {
    }

    private static List<Workload> workloads(SandboxServer sandbox, AwsClientFactory factory, EstateGenerator generator,
                                            int accounts, List<String> regions) {
        var hub = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                sandbox.hubCredentials().accessKeyId(), sandbox.hubCredentials().secretAccessKey()));
        List<Workload> workloads = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            String accountId = generator.accountId(i);
            String externalId = sandbox.estate().role(accountId, EstateGenerator.ROLE_NAME).orElseThrow().externalId();
            AssumedRoleCredentials role = factory.assumeRole(hub, Region.US_EAST_1,
                    "arn:aws:iam::" + accountId + ":role/" + EstateGenerator.ROLE_NAME, externalId, "bench",
                    Duration.ofHours(1));
            Region region = Region.of(regions.get(i % regions.size()));
            GuardDutyClient guardDuty = factory.create(GuardDutyClient.builder().overrideConfiguration(RECORDING),
                    region, role);
            Ec2Client ec2 = factory.create(Ec2Client.builder().overrideConfiguration(RECORDING), region, role);
            CloudTrailClient cloudTrail = factory.create(CloudTrailClient.builder().overrideConfiguration(RECORDING),
                    region, role);
            ConfigClient config = factory.create(ConfigClient.builder().overrideConfiguration(RECORDING), region, role);
            RdsClient rds = factory.create(RdsClient.builder().overrideConfiguration(RECORDING), region, role);
            BackupClient backup = factory.create(BackupClient.builder().overrideConfiguration(RECORDING), region, role);
            S3Client s3 = factory.create(S3Client.builder().overrideConfiguration(RECORDING), region, role);
            IamClient iam = factory.create(IamClient.builder().overrideConfiguration(RECORDING), Region.AWS_GLOBAL, role);
            StsClient sts = factory.create(StsClient.builder().overrideConfiguration(RECORDING), region, role);
            workloads.add(new Workload(guardDuty::listDetectors));
            workloads.add(new Workload(() -> guardDuty.listDetectors().detectorIds().stream().findFirst()
                    .ifPresent(id -> guardDuty.listFindings(r -> r.detectorId(id)))));
            workloads.add(new Workload(ec2::describeSecurityGroups));
            workloads.add(new Workload(ec2::describeInstances));
            workloads.add(new Workload(cloudTrail::describeTrails));
            workloads.add(new Workload(() -> cloudTrail.lookupEvents(r -> r.maxResults(50))));
            workloads.add(new Workload(config::describeConfigurationRecorderStatus));
            workloads.add(new Workload(rds::describeDBInstances));
            workloads.add(new Workload(backup::listBackupJobs));
            workloads.add(new Workload(s3::listBuckets));
            workloads.add(new Workload(iam::getAccountSummary));
            workloads.add(new Workload(sts::getCallerIdentity));
        }
        return workloads;
    }

    private static Result run(int threads, int warmupSeconds, int seconds, List<Workload> workloads)
            throws InterruptedException {
        List<long[]> latencies = new CopyOnWriteArrayList<>();
        long[] calls = new long[threads];
        long[] errors = new long[threads];
        long cpuStart = processCpuNanos();
        long wallStart = System.nanoTime();
        long warmupEnd = wallStart + warmupSeconds * 1_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread.ofPlatform().name("bench-" + t).start(() -> {
                long[] own = new long[1 << 20];
                int count = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (true) {
                    long begin = System.nanoTime();
                    if (begin >= end) {
                        break;
                    }
                    try {
                        workloads.get(random.nextInt(workloads.size())).call().run();
                    } catch (RuntimeException e) {
                        if (begin >= warmupEnd) {
                            errors[index]++;
                        }
                    }
                    if (begin >= warmupEnd && count < own.length) {
                        own[count++] = System.nanoTime() - begin;
                        calls[index]++;
                    }
                }
                latencies.add(Arrays.copyOf(own, count));
                done.countDown();
            });
        }
        done.await();
        double cores = coresSince(cpuStart, wallStart);
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(Arrays.stream(calls).sum(), Arrays.stream(errors).sum(), seconds, all, cores);
    }

    private static void report(String mode, Result result) {
        long[] sorted = result.latenciesNanos();
        double perSecond = result.calls() / result.seconds();
        System.out.printf(Locale.ROOT, "%s load: %d calls in %d s = %.0f requests/s, %d errors; latency p50 %.2f ms, "
                        + "p99 %.2f ms, max %.2f ms; this JVM (clients and sandbox) used %.2f cores = %.0f requests "
                        + "per CPU-second; machine load average %.1f%n", mode,
                result.calls(), (long) result.seconds(), perSecond, result.errors(),
                percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, result.coresUsed(),
                perSecond / result.coresUsed(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** CPU time this JVM spent per second of wall time since {@code cpuStart} at {@code wallStart}. */
    private static double coresSince(long cpuStart, long wallStart) {
        return (processCpuNanos() - cpuStart) / (double) (System.nanoTime() - wallStart);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** A request exactly as the SDK signed and sent it. */
    private record Recorded(String method, String pathAndQuery, List<Map.Entry<String, String>> headers, byte[] body) {
    }

    /** The signed requests the SDK sends for each workload, to replay them without the SDK. */
    private static List<Recorded> record(List<Workload> workloads) {
        List<Recorded> recorded = new ArrayList<>();
        RECORDER.target = recorded::add;
        try {
            for (Workload workload : workloads) {
                workload.call().run();
            }
        } finally {
            RECORDER.target = null;
        }
        return recorded;
    }

    /**
     * Replays {@code recorded} from one Vert.x event loop with {@code concurrency} requests in flight over
     * as many keep-alive connections: the client costs little, so the server's own capacity shows.
     */
    private static Result replay(int port, int concurrency, int warmupSeconds, int seconds, List<Recorded> recorded)
            throws InterruptedException {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)));
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("localhost")
                .setDefaultPort(port).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(concurrency));
        long cpuStart = processCpuNanos();
        long wallStart = System.nanoTime();
        long warmupEnd = wallStart + warmupSeconds * 1_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        long[] latencies = new long[1 << 24];
        AtomicInteger count = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            vertx.runOnContext(ignored -> sendNext(http, recorded, end, warmupEnd, latencies, count, errors, done));
        }
        done.await();
        double cores = coresSince(cpuStart, wallStart);
        vertx.close();
        return new Result(count.get(), errors.get(), seconds, Arrays.stream(latencies, 0, count.get()).sorted().toArray(),
                cores);
    }

    private static void sendNext(HttpClient http, List<Recorded> recorded, long end, long warmupEnd, long[] latencies,
                                 AtomicInteger count, AtomicLong errors, CountDownLatch done) {
        long begin = System.nanoTime();
        if (begin >= end) {
            done.countDown();
            return;
        }
        Recorded request = recorded.get(ThreadLocalRandom.current().nextInt(recorded.size()));
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(request.method()))
                .setURI(request.pathAndQuery());
        request.headers().forEach(header -> options.addHeader(header.getKey(), header.getValue()));
        http.request(options)
                .compose(outgoing -> outgoing.send(Buffer.buffer(request.body())))
                .compose(response -> response.body().map(body -> response.statusCode()))
                .onComplete(result -> {
                    if (begin >= warmupEnd) {
                        if (result.failed() || result.result() >= 300) {
                            errors.incrementAndGet();
                        }
                        int slot = count.getAndIncrement();
                        if (slot < latencies.length) {
                            latencies[slot] = System.nanoTime() - begin;
                        }
                    }
                    sendNext(http, recorded, end, warmupEnd, latencies, count, errors, done);
                });
    }

    /** Captures the signed requests the SDK sends while {@code target} is set. */
    private static final class Recorder implements ExecutionInterceptor {

        private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect");
        private volatile Consumer<Recorded> target;

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            Consumer<Recorded> sink = target;
            if (sink == null) {
                return;
            }
            var request = context.httpRequest();
            Optional<ContentStreamProvider> content = request instanceof SdkHttpFullRequest full
                    && full.contentStreamProvider().isPresent() ? full.contentStreamProvider()
                    : context.requestBody().map(RequestBody::contentStreamProvider);
            byte[] body = content.map(provider -> {
                try (var in = provider.newStream()) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).orElse(new byte[0]);
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            request.forEachHeader((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> headers.add(Map.entry(name, value)));
                }
            });
            URI uri = request.getUri();
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            sink.accept(new Recorded(request.method().name(),
                    uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery(), headers, body));
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
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
