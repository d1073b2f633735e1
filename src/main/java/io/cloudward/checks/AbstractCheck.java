package io.cloudward.checks;

import java.util.Map;
import java.util.Objects;

/** Base class that carries the input type and builds results stamped with this check's id. */
public abstract class AbstractCheck<T> implements Check<T> {

    private final Class<T> inputType;

    protected AbstractCheck(Class<T> inputType) {
        this.inputType = Objects.requireNonNull(inputType, "inputType");
    }

    @Override
    public final Class<T> inputType() {
        return inputType;
    }

    protected final CheckResult pass(ResourceRef resource, String sentence, Map<String, Object> evidence) {
        return result(CheckStatus.PASS, resource, sentence, evidence);
    }

    protected final CheckResult fail(ResourceRef resource, String sentence, Map<String, Object> evidence) {
        return result(CheckStatus.FAIL, resource, sentence, evidence);
    }

    protected final CheckResult notApplicable(ResourceRef resource, String sentence, Map<String, Object> evidence) {
        return result(CheckStatus.NOT_APPLICABLE, resource, sentence, evidence);
    }

    protected final CheckResult info(ResourceRef resource, String sentence, Map<String, Object> evidence) {
        return result(CheckStatus.INFO, resource, sentence, evidence);
    }

    private CheckResult result(CheckStatus status, ResourceRef resource, String sentence, Map<String, Object> evidence) {
        return new CheckResult(id(), status, resource, sentence, evidence, null);
    }
}
