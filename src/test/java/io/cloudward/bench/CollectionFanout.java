package io.cloudward.bench;

import io.cloudward.collect.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shape of concurrency {@code RunExecutor} gives a collection cycle, shared by both sides of the
 * benchmark so they differ only in what one collection does: a bounded number of accounts at once
 * ({@code runsPerInstance}), a few regions of each account at once ({@code regionsPerAccount}), the sources
 * of one region in sequence, and a bound on collections in flight across all accounts
 * ({@code collectionsPerInstance}). Everything on virtual threads.
 */
final class CollectionFanout {

    /** One side of the benchmark: what it does per account and per region × source. */
    interface Cycle<A> {
        A begin(BenchAccount account);

        void collect(A account, String region, Source source);

        void end(A account);
    }

    record Limits(int accounts, int regionsPerAccount, int collections) {
    }

    private final Limits limits;
    private final List<String> regions;
    private final AtomicLong failures = new AtomicLong();

    CollectionFanout(Limits limits, List<String> regions) {
        this.limits = limits;
        this.regions = regions;
    }

    /** Runs {@code cycle} over every account; returns how many account or region jobs threw. */
    <A> long run(List<BenchAccount> accounts, Cycle<A> cycle) {
        Semaphore accountSlots = new Semaphore(limits.accounts());
        Semaphore collections = new Semaphore(limits.collections());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (BenchAccount account : accounts) {
                accountSlots.acquireUninterruptibly();
                threads.submit(() -> {
                    try {
                        account(account, cycle, collections);
                    } catch (RuntimeException e) {
                        failed(account + ": " + e);
                    } finally {
                        accountSlots.release();
                    }
                });
            }
        }
        return failures.get();
    }

    private <A> void account(BenchAccount account, Cycle<A> cycle, Semaphore collections) {
        A state = cycle.begin(account);
        Map<String, List<Source>> plan = plan();
        Semaphore regionSlots = new Semaphore(limits.regionsPerAccount());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            plan.forEach((region, sources) -> threads.submit(() -> {
                regionSlots.acquireUninterruptibly();
                try {
                    for (Source source : sources) {
                        collections.acquireUninterruptibly();
                        try {
                            cycle.collect(state, region, source);
                        } finally {
                            collections.release();
                        }
                    }
                } catch (RuntimeException e) {
                    failed(account + " " + region + ": " + e);
                } finally {
                    regionSlots.release();
                }
            }));
        }
        cycle.end(state);
    }

    /** RunExecutor's plan: global sources once, regional ones per region, grouped by region. */
    private Map<String, List<Source>> plan() {
        Map<String, List<Source>> plan = new LinkedHashMap<>();
        for (Source source : Source.values()) {
            if (source.scope() == Source.Scope.GLOBAL) {
                plan.computeIfAbsent(Source.GLOBAL_REGION, r -> new ArrayList<>()).add(source);
            } else {
                regions.forEach(region -> plan.computeIfAbsent(region, r -> new ArrayList<>()).add(source));
            }
        }
        return plan;
    }

    private void failed(String what) {
        if (failures.incrementAndGet() <= 5) {
            System.err.println("failed: " + what);
        }
    }
}
