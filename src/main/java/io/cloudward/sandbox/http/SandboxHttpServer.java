package io.cloudward.sandbox.http;

import io.cloudward.sandbox.faults.Faults;
import io.cloudward.sandbox.faults.RateLimiter;
import io.cloudward.sandbox.protocol.AwsRequest;
import io.cloudward.sandbox.protocol.Json;
import io.cloudward.sandbox.protocol.Response;
import io.cloudward.sandbox.services.ServiceContext;
import io.cloudward.sandbox.services.Services;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The sandbox's one HTTP port, on Vert.x event loops (AWS calls are answered from memory without
 * blocking). Delays and held requests use timers, so a fault that holds one request holds no thread.
 */
public final class SandboxHttpServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SandboxHttpServer.class.getName());

    private final Vertx vertx;
    private final HttpServer server;
    private final RequestPipeline pipeline;
    private final AdminApi admin;

    private SandboxHttpServer(Vertx vertx, RequestPipeline pipeline, AdminApi admin, String host, int port) {
        this.vertx = vertx;
        this.pipeline = pipeline;
        this.admin = admin;
        this.server = vertx.createHttpServer(new HttpServerOptions()
                        .setHost(host)
                        .setPort(port)
                        .setTcpNoDelay(true)
                        .setHandle100ContinueAutomatically(true)
                        .setIdleTimeout(120)
                        .setMaxHeaderSize(64 * 1024))
                .requestHandler(this::handle);
    }

    /**
     * Starts the simulated services on {@code host:port} (0 for any free port).
     *
     * @param lookupEventsPerSecond CloudTrail LookupEvents allowance per account and region (0: unlimited)
     * @param endpoint              the endpoint URL, for the admin API to show
     * @param reset                 what the admin API's reset does
     */
    public static SandboxHttpServer start(String host, int port, ServiceContext context, Faults faults,
                                          double lookupEventsPerSecond, Supplier<String> endpoint, Runnable reset) {
        Optional<RateLimiter> lookupLimit = lookupEventsPerSecond > 0
                ? Optional.of(new RateLimiter(lookupEventsPerSecond, Math.max(1, lookupEventsPerSecond)))
                : Optional.empty();
        RequestPipeline pipeline = new RequestPipeline(Services.all(context), context, faults, lookupLimit);
        AdminApi admin = new AdminApi(context.estate(), faults, context.hub(), endpoint, reset);
        return start(host, port, pipeline, admin);
    }

    private static SandboxHttpServer start(String host, int port, RequestPipeline pipeline, AdminApi admin) {
        Vertx vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(Math.max(2, Runtime.getRuntime().availableProcessors()))
                .setWorkerPoolSize(2)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
        SandboxHttpServer sandbox = new SandboxHttpServer(vertx, pipeline, admin, host, port);
        try {
            sandbox.server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return sandbox;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            vertx.close();
            throw new IllegalStateException("interrupted while starting the sandbox", e);
        } catch (ExecutionException | TimeoutException e) {
            vertx.close();
            throw new IllegalStateException("the sandbox could not listen on " + host + ":" + port, e);
        }
    }

    public int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "the sandbox did not stop cleanly", e);
        }
    }

    private void handle(HttpServerRequest request) {
        request.body()
                .onSuccess(body -> dispatch(request, body.getBytes()))
                .onFailure(failure -> request.connection().close());
    }

    private void dispatch(HttpServerRequest request, byte[] body) {
        String uri = request.uri();
        int question = uri.indexOf('?');
        String rawPath = question < 0 ? uri : uri.substring(0, question);
        String rawQuery = question < 0 ? "" : uri.substring(question + 1);
        if (rawPath.startsWith(AdminApi.PREFIX)) {
            handleAdmin(request, rawPath, body);
            return;
        }
        Map<String, List<String>> headers = new HashMap<>();
        request.headers().forEach(entry -> headers
                .computeIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                .add(entry.getValue()));
        Outcome outcome = pipeline.process(new AwsRequest(request.method().name(), rawPath, rawQuery, headers, body));
        switch (outcome) {
            case Outcome.Answer answer when answer.delayMillis() > 0 ->
                    vertx.setTimer(answer.delayMillis(), id -> write(request, answer.response()));
            case Outcome.Answer answer -> write(request, answer.response());
            case Outcome.HangUp hangUp when hangUp.afterMillis() > 0 ->
                    vertx.setTimer(hangUp.afterMillis(), id -> request.connection().close());
            case Outcome.HangUp hangUp -> request.connection().close();
        }
    }

    /** Admin calls may parse large estate files, so they run off the event loop; loopback callers only. */
    private void handleAdmin(HttpServerRequest request, String rawPath, byte[] body) {
        if (!loopback(request)) {
            write(request, Json.response(403, Json.object().put("error", "the admin API answers loopback only"),
                    "application/json"));
            return;
        }
        Map<String, String> query = new LinkedHashMap<>();
        request.params().forEach(entry -> query.put(entry.getKey(), entry.getValue()));
        String method = request.method().name();
        vertx.<Response>executeBlocking(() -> admin.handle(method, rawPath, query, body), false)
                .onSuccess(response -> write(request, response))
                .onFailure(failure -> write(request, Json.response(500,
                        Json.object().put("error", String.valueOf(failure.getMessage())), "application/json")));
    }

    private static boolean loopback(HttpServerRequest request) {
        try {
            return InetAddress.getByName(request.remoteAddress().hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void write(HttpServerRequest request, Response response) {
        HttpServerResponse out = request.response();
        if (out.closed()) {
            return;
        }
        out.setStatusCode(response.status());
        out.putHeader("Content-Type", response.contentType());
        response.headers().forEach(out::putHeader);
        out.end(Buffer.buffer(response.body()));
    }
}
