package io.cloudward.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server (zonky's packaged binaries) with the database and the two roles Cloudward
 * expects: an owner that runs migrations and platform jobs, and an application role that does not own
 * the tables and so stays subject to row-level security.
 */
final class PostgresServer implements AutoCloseable {
    static final String DATABASE = "cloudward";
    static final String OWNER = "cloudward_owner";
    static final String APP = "cloudward_app";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static PostgresServer start(Path dataDir, Path logDir) {
        try {
            Path pgData = dataDir.resolve("pgdata");
            stopOrphan(pgData);
            Files.createDirectories(logDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPort(Ports.free())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logDir.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logDir.resolve("postgres.log").toFile()))
                    .start();
            PostgresServer server = new PostgresServer(postgres);
            server.createDatabaseAndRoles();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    int port() {
        return postgres.getPort();
    }

    private void createDatabaseAndRoles() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String role : new String[] {OWNER, APP}) {
                if (!exists(c, "select 1 from pg_roles where rolname = ?", role)) {
                    s.execute("create role " + role + " login password '" + role + "' nosuperuser nobypassrls");
                }
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", DATABASE)) {
                s.execute("create database " + DATABASE + " owner " + OWNER);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the cloudward database and roles", e);
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** pg_ctl detaches the postmaster, so a stack that died hard leaves it running: stop it first. */
    private static void stopOrphan(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        } catch (RuntimeException e) {
            return;
        }
        ProcessHandle.of(pid).filter(h -> h.info().command().map(c -> c.contains("postgres")).orElse(false))
                .ifPresent(h -> {
                    h.destroy();
                    h.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> {
                        h.destroyForcibly();
                        return h;
                    }).join();
                });
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
