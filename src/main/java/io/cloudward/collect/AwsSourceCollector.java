package io.cloudward.collect;

import io.cloudward.aws.AwsFailure;
import java.util.Optional;

/**
 * A collector whose body makes its AWS calls through a {@link SourceRun}: the first failure that the body
 * does not handle ends the source with the status it deserves, and a bug in our own mapping ends it as an
 * ERROR instead of failing the account.
 */
public abstract class AwsSourceCollector implements SourceCollector {

    private static final System.Logger LOG = System.getLogger(AwsSourceCollector.class.getName());

    @Override
    public final SourceOutcome collect(CollectTarget target, FactSink sink) {
        SourceRun run = new SourceRun(source(), target);
        try {
            collect(run, sink);
            return run.finished();
        } catch (AwsCallFailed failed) {
            return run.failed(failed.failure());
        } catch (RuntimeException bug) {
            LOG.log(System.Logger.Level.ERROR, source() + " of account " + target.accountId() + " in "
                    + target.region() + " failed on our side", bug);
            return run.failed(new AwsFailure(AwsFailure.Kind.ERROR, bug.getClass().getSimpleName(),
                    Optional.empty(), String.valueOf(bug.getMessage())));
        }
    }

    /** Collects, calling AWS only through {@code run}. */
    protected abstract void collect(SourceRun run, FactSink sink);
}
