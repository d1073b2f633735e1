package io.cloudward.checks;

/** How urgently a finding needs a person, lowest first. Shared by checks, GuardDuty findings and trail events. */
public enum Severity {
    INFORMATIONAL,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /**
     * Maps a GuardDuty severity score to its band exactly as AWS documents them:
     * Low 1.0–3.9, Medium 4.0–6.9, High 7.0–8.9, Critical 9.0–10.0.
     * Bands are half-open so a score such as 3.95 stays Low.
     */
    public static Severity fromGuardDutyScore(double score) {
        if (Double.isNaN(score) || score < 1.0 || score > 10.0) {
            throw new IllegalArgumentException("A GuardDuty severity score lies between 1.0 and 10.0, got " + score);
        }
        if (score < 4.0) {
            return LOW;
        }
        if (score < 7.0) {
            return MEDIUM;
        }
        if (score < 9.0) {
            return HIGH;
        }
        return CRITICAL;
    }

    /** Parses a name in any letter case, e.g. "high" or "HIGH". */
    public static Severity parse(String name) {
        for (Severity severity : values()) {
            if (severity.name().equalsIgnoreCase(name.trim())) {
                return severity;
            }
        }
        throw new IllegalArgumentException("Unknown severity '" + name + "'; expected one of INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL");
    }

    /** One band lower, but LOW and INFORMATIONAL stay as they are: for attempts that failed but show intent. */
    public Severity oneBandLower() {
        return compareTo(LOW) <= 0 ? this : values()[ordinal() - 1];
    }

    public boolean isAtLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
