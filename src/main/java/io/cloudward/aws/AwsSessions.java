package io.cloudward.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * STS sessions of the customer roles, one per (role ARN, ExternalId), reused until shortly before they
 * expire so an account's sources share one AssumeRole. When AWS says a session has expired anyway (clock
 * skew, a revoked session, the sandbox's clock moved) {@link #expired} drops it and the next call assumes
 * the role again.
 *
 * <p>One hub STS client serves every role. Locks are per role and not {@code synchronized}, so a virtual
 * thread waiting for STS does not pin its carrier.
 */
public final class AwsSessions implements AutoCloseable {

    private final StsClient sts;
    private final Clock clock;
    private final Duration sessionDuration;
    private final Duration refreshBefore;
    private final String sessionName;
    private final Map<RoleSession, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicLong assumed = new AtomicLong();

    /** The cached session of one role; the lock serialises AssumeRole for that role only. */
    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        volatile AwsSessionCredentials credentials;
        volatile Instant expiration = Instant.MIN;
    }

    /**
     * @param hub             the identity Cloudward runs as
     * @param stsRegion       where to call STS (a regional endpoint)
     * @param sessionDuration asked of AssumeRole (at most the role's maximum; one hour always works)
     * @param refreshBefore   renew a session this long before it expires, so no call starts on a dying one
     */
    public AwsSessions(AwsClientFactory factory, AwsCredentialsProvider hub, Region stsRegion, Clock clock,
                       Duration sessionDuration, Duration refreshBefore, String sessionName) {
        this.sts = factory.create(StsClient.builder(), stsRegion, hub);
        this.clock = clock;
        this.sessionDuration = sessionDuration;
        this.refreshBefore = refreshBefore;
        this.sessionName = sessionName;
    }

    /** Credentials that always resolve to the role's current session. */
    public AwsCredentialsProvider credentials(RoleSession role) {
        return () -> current(role);
    }

    /** The role's session, assuming the role when there is none or it is about to expire. */
    public AwsSessionCredentials current(RoleSession role) {
        Slot slot = slots.computeIfAbsent(role, r -> new Slot());
        AwsSessionCredentials cached = slot.credentials;
        if (cached != null && fresh(slot)) {
            return cached;
        }
        slot.lock.lock();
        try {
            if (slot.credentials == null || !fresh(slot)) {
                assume(role, slot);
            }
            return slot.credentials;
        } finally {
            slot.lock.unlock();
        }
    }

    /**
     * AWS rejected {@code stale} as expired: forget it so the next {@link #current} assumes the role again.
     * A session another caller already replaced is left alone, so a burst of failures re-assumes once.
     */
    public void expired(RoleSession role, AwsCredentials stale) {
        Slot slot = slots.get(role);
        if (slot == null) {
            return;
        }
        slot.lock.lock();
        try {
            if (slot.credentials != null && slot.credentials.accessKeyId().equals(stale.accessKeyId())) {
                slot.credentials = null;
            }
        } finally {
            slot.lock.unlock();
        }
    }

    /** How many times a role was assumed since start: one per account per session lifetime when healthy. */
    public long assumeRoleCalls() {
        return assumed.get();
    }

    @Override
    public void close() {
        sts.close();
    }

    private boolean fresh(Slot slot) {
        return clock.instant().plus(refreshBefore).isBefore(slot.expiration);
    }

    private void assume(RoleSession role, Slot slot) {
        Credentials issued = sts.assumeRole(request -> request.roleArn(role.roleArn()).externalId(role.externalId())
                .roleSessionName(sessionName).durationSeconds((int) sessionDuration.toSeconds())).credentials();
        assumed.incrementAndGet();
        slot.credentials = AwsSessionCredentials.builder().accessKeyId(issued.accessKeyId())
                .secretAccessKey(issued.secretAccessKey()).sessionToken(issued.sessionToken())
                .expirationTime(issued.expiration()).build();
        // The local clock decides freshness: a session whose expiry AWS reports in the past is used once
        // and replaced on the next call rather than looping here.
        slot.expiration = issued.expiration();
    }
}
