package io.cloudward.web;

import io.quarkus.qute.TemplateExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How pages show times, scores and severities; kept here so templates only place values. */
@TemplateExtension
public final class Formats {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** 2025-03-01 14:05 UTC, or a dash. */
    static String utc(Instant at) {
        return at == null ? "—" : UTC.format(at);
    }

    /** "5 min ago", "3 h ago", "2 d ago". */
    static String ago(Instant at) {
        if (at == null) {
            return "never";
        }
        Duration d = Duration.between(at, Instant.now());
        if (d.isNegative() || d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min ago";
        }
        if (d.toDays() < 1) {
            return d.toHours() + " h ago";
        }
        return d.toDays() + " d ago";
    }

    /** A score rounded for display: 0–100, or a dash without data. */
    static String points(Double score) {
        return score == null ? "—" : String.valueOf(Math.round(score));
    }

    /** One decimal for explanations ("−4.5"), so the parts visibly add up. */
    static String oneDecimal(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    /** Badge class of a score: green from 80, amber from 50, red below. */
    static String scoreTone(Double score) {
        if (score == null) {
            return "";
        }
        return score >= 80 ? "ok" : score >= 50 ? "warn" : "bad";
    }

    /** Badge class of a severity name (CRITICAL, HIGH, …). */
    static String severityTone(String severity) {
        return switch (severity == null ? "" : severity) {
            case "CRITICAL" -> "crit";
            case "HIGH" -> "bad";
            case "MEDIUM" -> "warn";
            default -> "";
        };
    }

    /** Badge class of a finding or incident status. */
    static String statusTone(String status) {
        return switch (status == null ? "" : status) {
            case "OPEN" -> "bad";
            case "RESOLVED", "SUCCEEDED", "OK" -> "ok";
            case "SUPPRESSED", "CANCELLED", "QUEUED" -> "";
            case "RUNNING", "PARTIAL", "THROTTLED", "REGION_DISABLED" -> "warn";
            default -> "bad";
        };
    }

    /** "GUARDDUTY_FINDINGS" → "GuardDuty findings". */
    static String sourceLabel(String source) {
        if (source == null) {
            return "";
        }
        String label = source.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                .replace("guardduty", "GuardDuty").replace("cloudtrail", "CloudTrail").replace("iam", "IAM")
                .replace("exposure ec2", "exposure EC2").replace("exposure rds", "exposure RDS").replace("exposure s3", "exposure S3");
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
