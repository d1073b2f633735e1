package io.cloudward.bench;

import io.cloudward.sandbox.SandboxMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The AWS sandbox in its own JVM ({@link SandboxMain}), so the benchmark JVM's CPU and heap are
 * Cloudward's (or the bare SDK loop's) alone. Same classpath as this JVM.
 */
final class SandboxProcess implements AutoCloseable {

    private final Process process;
    private final URI endpoint;

    private SandboxProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts it and waits until it listens; {@code args} are SandboxMain's options. */
    static SandboxProcess start(String heap, List<String> args) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + heap, "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                SandboxMain.class.getName(), "--port=" + port));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.contains("listening on")) {
            // start-up noise
        }
        if (line == null) {
            process.destroyForcibly();
            throw new IllegalStateException("the sandbox process ended before listening");
        }
        Thread.ofPlatform().daemon().name("sandbox-output").start(() -> drain(out));
        return new SandboxProcess(process, URI.create("http://localhost:" + port));
    }

    URI endpoint() {
        return endpoint;
    }

    long pid() {
        return process.pid();
    }

    /** CPU seconds the sandbox JVM has used so far. */
    double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // keep the pipe from filling
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
