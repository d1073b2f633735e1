package io.cloudward.sandbox.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The fault rules in force, by id, and which of them fire for a call. */
public final class Faults {

    private final Map<String, ActiveRule> rules = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** A rule with its firing accumulator: each match adds {@code rate}; the rule fires on each whole unit. */
    private static final class ActiveRule {
        private final FaultRule rule;
        private double credit;

        ActiveRule(FaultRule rule) {
            this.rule = rule;
        }

        synchronized boolean fire() {
            credit += rule.rate();
            if (credit >= 1 - 1e-9) {
                credit -= 1;
                return true;
            }
            return false;
        }
    }

    /** Adds a rule and answers its id. */
    public synchronized String add(FaultRule rule) {
        String id = "fault-" + ids.incrementAndGet();
        rules.put(id, new ActiveRule(rule));
        return id;
    }

    public synchronized boolean remove(String id) {
        return rules.remove(id) != null;
    }

    public synchronized void clear() {
        rules.clear();
    }

    public synchronized Map<String, FaultRule> list() {
        Map<String, FaultRule> copy = new LinkedHashMap<>();
        rules.forEach((id, active) -> copy.put(id, active.rule));
        return copy;
    }

    /** The rules that fire for this call, in the order they were added. */
    public List<FaultRule> fire(String account, String region, String service, String operation) {
        List<ActiveRule> matching = new ArrayList<>();
        synchronized (this) {
            for (ActiveRule active : rules.values()) {
                if (active.rule.matches(account, region, service, operation)) {
                    matching.add(active);
                }
            }
        }
        List<FaultRule> fired = new ArrayList<>();
        for (ActiveRule active : matching) {
            if (active.fire()) {
                fired.add(active.rule);
            }
        }
        return fired;
    }
}
