package io.cloudward.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service the dev stack runs in its own process. Its pid is written to a file so that a stack
 * killed without a chance to clean up (kill -9, a crashed JVM) has its orphans stopped on the next start.
 */
final class ChildProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path pidFile;

    private ChildProcess(String name, Process process, Path pidFile) {
        this.name = name;
        this.process = process;
        this.pidFile = pidFile;
    }

    /** Starts the command; its output goes to {@code log}, or to this process's console when that is null. */
    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log) {
        Path pidFile = workDir.resolve(name + ".pid");
        killStale(pidFile);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
            if (log == null) {
                builder.inheritIO();
            } else {
                Files.createDirectories(log.getParent());
                builder.redirectOutput(log.toFile());
            }
            builder.environment().putAll(env);
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            return new ChildProcess(name, process, pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + command, e);
        }
    }

    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL to the process and its descendants at once: no shutdown hooks run, as when a machine dies. */
    void kill() {
        tree(process.toHandle()).forEach(ProcessHandle::destroyForcibly);
        process.toHandle().onExit().join();
    }

    /** Sends SIGTERM to the process and its descendants, then SIGKILL to whatever is left after the grace period. */
    void stop(Duration grace) {
        List<ProcessHandle> tree = tree(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception timeout) {
                handle.destroyForcibly();
            }
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // the next start kills by pid only if that pid still runs our command
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

    private static List<ProcessHandle> tree(ProcessHandle root) {
        List<ProcessHandle> all = new java.util.ArrayList<>(root.descendants().toList());
        all.addFirst(root);
        return all;
    }

    private static void killStale(Path pidFile) {
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid)
                    .filter(h -> h.info().command().map(c -> c.contains("java") || c.contains("sh")).orElse(false))
                    .ifPresent(h -> {
                        tree(h).forEach(ProcessHandle::destroyForcibly);
                        h.onExit().join();
                    });
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            // an unreadable pid file is stale by definition
        }
    }
}
