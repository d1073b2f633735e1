package io.cloudward.collect;

import io.cloudward.aws.AccountClients;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Where one source is collected: an account and a region ({@link Source#GLOBAL_REGION} for account-wide
 * sources), through the account's clients.
 *
 * @param accountId the 12-digit account
 * @param region    e.g. eu-west-3, or {@code global}
 * @param clients   the account's SDK clients (shared by all its sources)
 * @param watermark where the last successful run of an incremental source stopped; empty the first time
 * @param clock     the collection's clock (look-back windows, durations)
 */
public record CollectTarget(String accountId, String region, AccountClients clients, Optional<Instant> watermark,
                            Clock clock) {

    public CollectTarget {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(watermark, "watermark");
        Objects.requireNonNull(clock, "clock");
    }

    public static CollectTarget of(AccountClients clients, String region, Clock clock) {
        return new CollectTarget(clients.accountId(), region, clients, Optional.empty(), clock);
    }

    public CollectTarget withWatermark(Optional<Instant> mark) {
        return new CollectTarget(accountId, region, clients, mark, clock);
    }

    public boolean global() {
        return region.equals(Source.GLOBAL_REGION);
    }

    /** The SDK region to call: global services are called in us-east-1. */
    public Region sdkRegion() {
        return global() ? Region.US_EAST_1 : Region.of(region);
    }
}
