package io.cloudward.collect;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One instance's executor of runs: claims as many runs as it has free slots, executes each on a virtual
 * thread, and keeps each lease alive with a heartbeat that also notices cancellation and lost leases. Its
 * only state is what it is running right now; everything else is in the database, so any number of
 * workers (instances) can share it.
 */
public final class RunWorker {

    private static final System.Logger LOG = System.getLogger(RunWorker.class.getName());

    private final String owner;
    private final RunLeases leases;
    private final RunExecutor executor;
    private final Duration lease;
    private final Duration heartbeat;
    private final Semaphore slots;
    private final int capacity;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    public RunWorker(String owner, RunLeases leases, RunExecutor executor, Duration lease, Duration heartbeat,
                     int capacity) {
        this.owner = owner;
        this.leases = leases;
        this.executor = executor;
        this.lease = lease;
        this.heartbeat = heartbeat;
        this.capacity = capacity;
        this.slots = new Semaphore(capacity);
    }

    public String owner() {
        return owner;
    }

    /** Claims runs for the free slots and starts them; returns the claims. */
    public List<RunClaim> poll() {
        int free = slots.availablePermits();
        if (free == 0 || !slots.tryAcquire(free)) {
            return List.of();
        }
        List<RunClaim> claims;
        try {
            claims = leases.claim(owner, lease, free);
        } catch (RuntimeException e) {
            slots.release(free);
            throw e;
        }
        slots.release(free - claims.size());
        claims.forEach(claim -> Thread.ofVirtual().name("run-" + claim.runId()).start(() -> run(claim)));
        return claims;
    }

    /** True when no run is executing here. */
    public boolean idle() {
        return running.isEmpty();
    }

    /** Waits until the runs started here have ended; false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        if (!slots.tryAcquire(capacity, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        slots.release(capacity);
        return true;
    }

    private void run(RunClaim claim) {
        running.add(claim.runId());
        RunControl control = new RunControl();
        Thread beat = Thread.ofVirtual().name("heartbeat-" + claim.runId()).start(() -> beat(claim, control));
        try {
            executor.execute(claim, control);
        } catch (RuntimeException e) {
            // The lease expires and another instance (or this one) takes the run over.
            LOG.log(System.Logger.Level.ERROR, "Run " + claim.runId() + " stopped on " + owner, e);
        } finally {
            beat.interrupt();
            running.remove(claim.runId());
            slots.release();
        }
    }

    private void beat(RunClaim claim, RunControl control) {
        try {
            while (!control.leaseLost()) {
                Thread.sleep(heartbeat);
                switch (leases.heartbeat(claim, lease)) {
                    case HELD -> { }
                    case CANCEL_REQUESTED -> control.cancel();
                    case LOST -> control.loseLease();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Heartbeat of run " + claim.runId() + " failed", e);
        }
    }
}
