package io.cloudward.checks;

import java.util.Set;

/**
 * A pure judgement over collected facts: no I/O, no clock (time comes from the context).
 *
 * <p>The input is one resource (a security group with its attachments, a trail, a credential-report row),
 * one region (the GuardDuty detector in eu-west-3) or the account (its trails, its password policy). A check
 * answers for every input it is given with exactly one result, so collectors can stream inputs page by page
 * and a resource that was fixed gets a PASS that closes its earlier FAIL.
 *
 * @param <T> the snapshot type this check judges
 */
public interface Check<T> {

    /** The stable id: the class's simple name, also the key of its metadata. */
    default String id() {
        return getClass().getSimpleName();
    }

    /** The snapshot type this check takes; the registry routes inputs by it. */
    Class<T> inputType();

    /** Judges one input. */
    CheckResult evaluate(T input, CheckContext context);

    /** Named variants this check may attach to results; each must have a severity in the metadata. */
    default Set<String> variants() {
        return Set.of();
    }
}
