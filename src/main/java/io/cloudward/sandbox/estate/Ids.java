package io.cloudward.sandbox.estate;

import java.util.Locale;

/** Identifiers in AWS's formats, derived from what they identify so an estate is the same on every load. */
public final class Ids {

    private Ids() {
    }

    /** {@code prefix-} and 17 hex digits: {@code i-…}, {@code sg-…}, {@code vol-…}, {@code eni-…}, … */
    public static String ec2(String prefix, Object... key) {
        return prefix + "-" + Rng.of(17, key).hex(17);
    }

    /** 32 hex digits, as GuardDuty detector and finding ids. */
    public static String hex32(Object... key) {
        return Rng.of(32, key).hex(32);
    }

    public static String uuid(Object... key) {
        return Rng.of(36, key).uuid();
    }

    /** AWS Backup job ids are upper-case UUIDs. */
    public static String jobId(Object... key) {
        return uuid(key).toUpperCase(Locale.ROOT);
    }

    public static String vpc(String accountId, String region) {
        return ec2("vpc", accountId, region, "default-vpc");
    }

    public static String subnet(String accountId, String zone) {
        return ec2("subnet", accountId, zone, "default-subnet");
    }
}
