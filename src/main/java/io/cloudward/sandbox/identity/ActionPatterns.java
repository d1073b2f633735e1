package io.cloudward.sandbox.identity;

import io.cloudward.sandbox.protocol.Glob;
import java.util.List;
import java.util.Locale;

/**
 * IAM action patterns as permission policies write them: {@code *}, {@code guardduty:*},
 * {@code guardduty:List*}, {@code ec2:Describe?nstances}. Matching ignores case, as IAM does.
 */
public final class ActionPatterns {

    private ActionPatterns() {
    }

    public static boolean allows(List<String> patterns, String action) {
        String lowerAction = action.toLowerCase(Locale.ROOT);
        return patterns.stream().anyMatch(pattern -> Glob.matches(pattern.toLowerCase(Locale.ROOT), lowerAction));
    }
}
