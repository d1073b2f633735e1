package io.cloudward.collect;

/**
 * Collects one {@link Source} for one account × region and streams what it finds into a sink. It never
 * throws for AWS trouble: every way a collection can end is a {@link SourceOutcome}.
 */
public interface SourceCollector {

    Source source();

    SourceOutcome collect(CollectTarget target, FactSink sink);
}
