package io.cloudward.integrations;

import io.cloudward.alerts.AlertsConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.http.Header;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpEntityEnclosingRequestBase;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one HTTP client alert deliveries use. Every URL passes {@link OutboundPolicy} before the call and
 * every connection goes through {@link SafeDnsResolver}; no redirects are followed (a redirect could point
 * anywhere); the destination's timeout bounds the whole exchange, not only each read.
 */
@ApplicationScoped
public class OutboundHttp {
    private static final int MAX_BODY = 64 * 1024;

    /** An answer: status, up to 64 KB of body, and Retry-After when given. */
    public record Reply(int status, String body, String retryAfter, long latencyMs) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final OutboundPolicy policy;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("outbound-deadline").factory());

    public OutboundHttp(AlertsConfig config) {
        this.policy = new OutboundPolicy(config.outbound().allowLoopbackHttp());
        var connections = new PoolingHttpClientConnectionManager(RegistryBuilder.<ConnectionSocketFactory>create()
                .register("http", PlainConnectionSocketFactory.getSocketFactory())
                .register("https", SSLConnectionSocketFactory.getSocketFactory()).build(),
                null, null, new SafeDnsResolver(policy, config.outbound().hosts()), 60, TimeUnit.SECONDS);
        connections.setMaxTotal(200);
        connections.setDefaultMaxPerRoute(20);
        this.client = HttpClients.custom().setConnectionManager(connections).disableRedirectHandling()
                .disableAutomaticRetries().disableCookieManagement().setUserAgent("Cloudward-Alerts/1").build();
    }

    public OutboundPolicy policy() {
        return policy;
    }

    public Reply send(String method, String url, Map<String, String> headers, String json, Duration timeout) throws IOException {
        URI uri = policy.checkUrl(url);
        HttpEntityEnclosingRequestBase request = new HttpEntityEnclosingRequestBase() {
            @Override
            public String getMethod() {
                return method;
            }
        };
        request.setURI(uri);
        int millis = (int) timeout.toMillis();
        request.setConfig(RequestConfig.custom().setConnectTimeout(millis).setSocketTimeout(millis)
                .setConnectionRequestTimeout(millis).setRedirectsEnabled(false).build());
        headers.forEach(request::setHeader);
        if (json != null) {
            request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        }
        long start = System.nanoTime();
        ScheduledFuture<?> deadline = deadlines.schedule(request::abort, millis, TimeUnit.MILLISECONDS);
        try (CloseableHttpResponse response = client.execute(request)) {
            String body = read(response);
            Header retryAfter = response.getFirstHeader("Retry-After");
            return new Reply(response.getStatusLine().getStatusCode(), body, retryAfter == null ? null : retryAfter.getValue(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            if (request.isAborted()) {
                throw new java.net.SocketTimeoutException("no complete answer within " + timeout.toSeconds() + " s");
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    private static String read(CloseableHttpResponse response) throws IOException {
        if (response.getEntity() == null) {
            return "";
        }
        try (InputStream in = response.getEntity().getContent()) {
            return new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
        }
    }

    @PreDestroy
    void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
