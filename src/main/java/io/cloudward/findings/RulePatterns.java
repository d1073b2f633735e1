package io.cloudward.findings;

import io.cloudward.api.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What a suppression rule may say: bounded globs of printable characters, a real account id and region, and an
 * expiry within a year — a rule nobody revisits must not hide a problem for ever.
 */
final class RulePatterns {
    static final Duration MAX_LIFETIME = Duration.ofDays(366);
    private static final Pattern CHECK_GLOB = Pattern.compile("[A-Za-z0-9:/._!*+-]{1,200}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern REGION = Pattern.compile("global|[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d");
    private static final int MAX_RESOURCE_PATTERN = 1024;

    private RulePatterns() {
    }

    static void check(String checkId, String resourcePattern, String accountId, String region) {
        if (blank(checkId) && blank(resourcePattern) && blank(accountId) && blank(region)) {
            throw ProblemException.invalid("checkId", "A suppression rule needs at least a check id, resource pattern, account or region.");
        }
        if (!blank(checkId) && (!CHECK_GLOB.matcher(checkId.strip()).matches() || onlyStars(checkId))) {
            throw ProblemException.invalid("checkId", "checkId is a check id or GuardDuty finding type, optionally with *"
                    + " (letters, digits and : / . _ ! + -, at most 200, not only *).");
        }
        if (!blank(resourcePattern) && (resourcePattern.length() > MAX_RESOURCE_PATTERN || onlyStars(resourcePattern)
                || resourcePattern.chars().anyMatch(Character::isISOControl))) {
            throw ProblemException.invalid("resourcePattern", "resourcePattern is a resource id or ARN, optionally with *"
                    + " (at most " + MAX_RESOURCE_PATTERN + " characters, no control characters, not only *).");
        }
        if (!blank(accountId) && !ACCOUNT.matcher(accountId).matches()) {
            throw ProblemException.invalid("accountId", "An AWS account id has 12 digits.");
        }
        if (!blank(region) && !REGION.matcher(region.strip()).matches()) {
            throw ProblemException.invalid("region", "Not an AWS region name (like eu-west-1), nor 'global'.");
        }
    }

    static void checkExpiry(Instant expiresAt, Instant now) {
        if (expiresAt == null || !expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            throw ProblemException.invalid("expiresAt", "A suppression rule must expire in the future and within a year.");
        }
    }

    private static boolean onlyStars(String pattern) {
        return pattern.strip().chars().allMatch(c -> c == '*');
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
