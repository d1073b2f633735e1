package io.cloudward.findings;

/** What one scope's update did. {@code ignored} counts passes for findings that were never open. */
public record ScopeCounts(int created, int updated, int resolved, int reopened, int suppressed, int unchanged,
                          int ignored) {

    public static final ScopeCounts NONE = new ScopeCounts(0, 0, 0, 0, 0, 0, 0);

    public ScopeCounts plus(ScopeCounts o) {
        return new ScopeCounts(created + o.created, updated + o.updated, resolved + o.resolved, reopened + o.reopened,
                suppressed + o.suppressed, unchanged + o.unchanged, ignored + o.ignored);
    }

    ScopeCounts plus(Lifecycle.Kind kind) {
        return plus(switch (kind) {
            case CREATED -> new ScopeCounts(1, 0, 0, 0, 0, 0, 0);
            case UPDATED -> new ScopeCounts(0, 1, 0, 0, 0, 0, 0);
            case RESOLVED -> new ScopeCounts(0, 0, 1, 0, 0, 0, 0);
            case REOPENED -> new ScopeCounts(0, 0, 0, 1, 0, 0, 0);
            case SUPPRESSED -> new ScopeCounts(0, 0, 0, 0, 1, 0, 0);
            case UNCHANGED -> new ScopeCounts(0, 0, 0, 0, 0, 1, 0);
            case IGNORED -> new ScopeCounts(0, 0, 0, 0, 0, 0, 1);
        });
    }
}
