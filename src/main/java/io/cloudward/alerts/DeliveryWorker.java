package io.cloudward.alerts;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends due deliveries on every instance: claims a batch (skip locked, with a lease so a dead worker's
 * claims come back), sends them in parallel, and records each attempt. 2xx is delivered; 429, 5xx and
 * timeouts are retried with back-off; other 4xx and refused addresses go straight to the dead letters,
 * as does a delivery out of attempts.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final DeliveryStore store;
    private final Deliverer deliverer;
    private final AlertsConfig config;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running;
    private Thread loop;

    public DeliveryWorker(DeliveryStore store, Deliverer deliverer, AlertsConfig config) {
        this.store = store;
        this.deliverer = deliverer;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.workerEnabled()) {
            return;
        }
        running = true;
        loop = Thread.ofVirtual().name("alerts-delivery").start(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
        senders.shutdownNow();
    }

    private void run() {
        while (running) {
            try {
                int sent = sendDue();
                if (sent < config.workerBatch()) {
                    Thread.sleep(config.workerPoll());
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                LOG.warnf("alerts: delivery round failed: %s", e.toString());
                try {
                    Thread.sleep(config.workerPoll().multipliedBy(4));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** One round: claim, send in parallel, record. Returns how many were claimed. */
    int sendDue() throws Exception {
        List<DeliveryStore.Claimed> claimed = store.claim(config.workerBatch(), config.lease());
        List<Future<Object>> sending = claimed.stream().map(d -> senders.submit(() -> {
            send(d);
            return null;
        })).toList();
        for (Future<Object> f : sending) {
            f.get();
        }
        return claimed.size();
    }

    private void send(DeliveryStore.Claimed d) throws Exception {
        var destination = store.destination(d.tenantId(), d.destinationId());
        if (destination.isEmpty() || !destination.get().enabled()) {
            store.record(d, new Attempt(Attempt.Outcome.FAILED, null, 0, "the destination is disabled or gone", null), "DEAD", null);
            return;
        }
        Attempt a = deliverer.attempt(destination.get(), d.id(), d.kind(), d.payload(), d.ruleName(), d.extraCount(),
                d.createdAt(), store.tickets(d.tenantId(), d.destinationId()));
        if (a.outcome() == Attempt.Outcome.DELIVERED) {
            store.record(d, a, "DELIVERED", null);
        } else if (a.outcome().retryable() && d.attempts() < config.maxAttempts()) {
            Instant now = Instant.now();
            store.record(d, a, "PENDING", now.plus(Backoff.delay(d.attempts(), config.baseBackoff(), config.maxBackoff(), a.retryAfter(), now)));
        } else {
            LOG.infof("alerts: delivery %s to %s dead after %d attempts: %s %s", d.id(), d.destinationId(), d.attempts(),
                    a.outcome(), a.httpStatus());
            store.record(d, a, "DEAD", null);
        }
    }
}
