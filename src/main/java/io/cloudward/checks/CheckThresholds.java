package io.cloudward.checks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers checks compare against. Defaults follow CIS AWS Foundations and AWS guidance; a tenant may
 * override any of them by name (e.g. {@code accessKeyMaxAgeDays=60}).
 *
 * @param accessKeyMaxAgeDays          rotate access keys at least this often (CIS 1.14: 90)
 * @param unusedCredentialDays         a password or key unused this long should be disabled (CIS 1.12: 45)
 * @param rootUsageWindowDays          root used within this many days is reported
 * @param passwordMinLength            minimum IAM password length (CIS 1.8: 14)
 * @param passwordReusePrevention      previous passwords remembered (CIS 1.9: 24)
 * @param trailDeliveryMaxAgeHours     a logging trail that has not delivered for this long is unhealthy
 * @param recoveryPointMaxAgeHours     newest good recovery point may be this old (a daily plan plus its windows)
 * @param backupJobWindowHours         how far back failed backup jobs are reported
 * @param rdsMinBackupRetentionDays    RDS automated backup retention (AWS FSBP RDS.11: 7)
 */
public record CheckThresholds(
        int accessKeyMaxAgeDays,
        int unusedCredentialDays,
        int rootUsageWindowDays,
        int passwordMinLength,
        int passwordReusePrevention,
        int trailDeliveryMaxAgeHours,
        int recoveryPointMaxAgeHours,
        int backupJobWindowHours,
        int rdsMinBackupRetentionDays) {

    public CheckThresholds {
        asMap(accessKeyMaxAgeDays, unusedCredentialDays, rootUsageWindowDays, passwordMinLength,
                passwordReusePrevention, trailDeliveryMaxAgeHours, recoveryPointMaxAgeHours, backupJobWindowHours,
                rdsMinBackupRetentionDays).forEach((name, value) -> {
                    if (value < 1) {
                        throw new IllegalArgumentException("Threshold " + name + " must be at least 1, got " + value);
                    }
                });
    }

    public static CheckThresholds defaults() {
        return new CheckThresholds(90, 45, 30, 14, 24, 24, 26, 24, 7);
    }

    /**
     * Returns a copy with the given thresholds replaced, e.g. from a tenant's settings. Unknown names and
     * values that are not positive whole numbers are rejected with a sentence naming them.
     */
    public CheckThresholds withOverrides(Map<String, String> overrides) {
        Map<String, Integer> values = asMap();
        overrides.forEach((name, text) -> {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("Unknown threshold '" + name + "'; known thresholds are " + values.keySet());
            }
            values.put(name, parse(name, text));
        });
        return new CheckThresholds(values.get("accessKeyMaxAgeDays"), values.get("unusedCredentialDays"),
                values.get("rootUsageWindowDays"), values.get("passwordMinLength"),
                values.get("passwordReusePrevention"), values.get("trailDeliveryMaxAgeHours"),
                values.get("recoveryPointMaxAgeHours"), values.get("backupJobWindowHours"),
                values.get("rdsMinBackupRetentionDays"));
    }

    /** The thresholds by name, in declaration order. */
    public Map<String, Integer> asMap() {
        return asMap(accessKeyMaxAgeDays, unusedCredentialDays, rootUsageWindowDays, passwordMinLength,
                passwordReusePrevention, trailDeliveryMaxAgeHours, recoveryPointMaxAgeHours, backupJobWindowHours,
                rdsMinBackupRetentionDays);
    }

    private static Map<String, Integer> asMap(int accessKeyMaxAgeDays, int unusedCredentialDays,
                                              int rootUsageWindowDays, int passwordMinLength,
                                              int passwordReusePrevention, int trailDeliveryMaxAgeHours,
                                              int recoveryPointMaxAgeHours, int backupJobWindowHours,
                                              int rdsMinBackupRetentionDays) {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("accessKeyMaxAgeDays", accessKeyMaxAgeDays);
        map.put("unusedCredentialDays", unusedCredentialDays);
        map.put("rootUsageWindowDays", rootUsageWindowDays);
        map.put("passwordMinLength", passwordMinLength);
        map.put("passwordReusePrevention", passwordReusePrevention);
        map.put("trailDeliveryMaxAgeHours", trailDeliveryMaxAgeHours);
        map.put("recoveryPointMaxAgeHours", recoveryPointMaxAgeHours);
        map.put("backupJobWindowHours", backupJobWindowHours);
        map.put("rdsMinBackupRetentionDays", rdsMinBackupRetentionDays);
        return map;
    }

    private static int parse(String name, String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Threshold " + name + " must be a whole number, got '" + text + "'", e);
        }
    }
}
