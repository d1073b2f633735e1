package io.cloudward.collect.snapshot;

import java.util.ArrayList;
import java.util.List;

/** The four S3 Block Public Access settings, as returned for an account (S3 Control) or a bucket (S3). */
public record PublicAccessBlockFlags(boolean blockPublicAcls, boolean ignorePublicAcls,
                                     boolean blockPublicPolicy, boolean restrictPublicBuckets) {

    public static PublicAccessBlockFlags allOn() {
        return new PublicAccessBlockFlags(true, true, true, true);
    }

    public boolean allEnabled() {
        return disabledSettings().isEmpty();
    }

    /** The API names of the settings that are off, e.g. [BlockPublicPolicy]. */
    public List<String> disabledSettings() {
        List<String> off = new ArrayList<>();
        if (!blockPublicAcls) {
            off.add("BlockPublicAcls");
        }
        if (!ignorePublicAcls) {
            off.add("IgnorePublicAcls");
        }
        if (!blockPublicPolicy) {
            off.add("BlockPublicPolicy");
        }
        if (!restrictPublicBuckets) {
            off.add("RestrictPublicBuckets");
        }
        return off;
    }
}
