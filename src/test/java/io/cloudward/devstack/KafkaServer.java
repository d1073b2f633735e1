package io.cloudward.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka 4 broker in KRaft mode, in its own JVM, from the kafka_2.13 jars on the
 * test class path. It can be stopped and started again on the same ports and log folder, which the
 * broker-outage tests need.
 */
public final class KafkaServer implements AutoCloseable {
    private final Path dir;
    private final Path logDir;
    private final String classpath;
    private final int brokerPort;
    private final int controllerPort;
    private ChildProcess process;

    private KafkaServer(Path dir, Path logDir, String classpath) {
        this.dir = dir;
        this.logDir = logDir;
        this.classpath = classpath;
        this.brokerPort = Ports.free();
        this.controllerPort = Ports.free();
    }

    static KafkaServer start(Path dataDir, Path logDir, String classpath) {
        KafkaServer server = new KafkaServer(dataDir.resolve("kafka"), logDir, classpath);
        server.start();
        return server;
    }

    public String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    /** Starts the broker (again); the log folder is formatted once and then kept. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path config = writeConfig();
            if (!Files.exists(dir.resolve("data/meta.properties"))) {
                format(config);
            }
            process = ChildProcess.start("kafka", javaCommand("kafka.Kafka", config.toString()), Map.of(), dir,
                    logDir.resolve("kafka.log"));
            awaitReady(Duration.ofSeconds(90));
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start", e);
        }
    }

    /** Stops the broker as an outage would; {@link #start()} brings it back. */
    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Path writeConfig() throws IOException {
        Path data = dir.resolve("data");
        // The data folder may come from an earlier run with other ports: the voters below are static
        // configuration, so the new ports simply replace the old ones.
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + brokerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=6",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "log.retention.hours=168",
                "");
        Path file = dir.resolve("server.properties");
        Files.writeString(file, config);
        return file;
    }

    private void format(Path config) throws IOException {
        List<String> command = javaCommand("kafka.tools.StorageTool", "format", "--ignore-formatted",
                "-t", UUID.randomUUID().toString().replace("-", "").substring(0, 22), "-c", config.toString());
        Process format = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(logDir.resolve("kafka-format.log").toFile()).start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("kafka storage format failed, see " + logDir.resolve("kafka-format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx512m", "-XX:+UseG1GC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Dlog4j2.configurationFile=" + writeLog4j(),
                "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private String writeLog4j() {
        Path file = dir.resolve("log4j2.properties");
        try {
            Files.writeString(file, String.join("\n",
                    "rootLogger.level=WARN", "rootLogger.appenderRef.out.ref=out",
                    "appender.out.type=Console", "appender.out.name=out",
                    "appender.out.layout.type=PatternLayout", "appender.out.layout.pattern=%d %p %c{1} %m%n",
                    "logger.server.name=kafka.server.KafkaRaftServer", "logger.server.level=INFO", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }

    private void awaitReady(Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(props)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited during start-up, see " + logDir.resolve("kafka.log"));
                }
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka not ready after " + timeout + ", see " + logDir.resolve("kafka.log"));
                    }
                    Thread.sleep(200);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
