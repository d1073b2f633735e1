package io.cloudward.collect.snapshot;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One row of the IAM credential report (GetCredentialReport, CSV). Parse with {@link #parseCsv(String)} or
 * {@link #fromColumns(Map)}; the report's "N/A", "no_information" and "not_supported" become empty values.
 *
 * @param user               user ("&lt;root_account&gt;" for the root user)
 * @param arn                arn
 * @param userCreationTime   user_creation_time
 * @param passwordEnabled    password_enabled (false for root, whose report says not_supported)
 * @param passwordLastUsed   password_last_used, empty when never used or no password
 * @param passwordLastChanged password_last_changed
 * @param mfaActive          mfa_active
 * @param accessKey1         access_key_1_* columns
 * @param accessKey2         access_key_2_* columns
 */
public record CredentialReportRow(String user, String arn, Optional<Instant> userCreationTime, boolean passwordEnabled,
                                  Optional<Instant> passwordLastUsed, Optional<Instant> passwordLastChanged,
                                  boolean mfaActive, AccessKey accessKey1, AccessKey accessKey2) {

    public static final String ROOT_USER = "<root_account>";

    private static final Set<String> NO_VALUE = Set.of("N/A", "no_information", "not_supported", "");
    private static final List<String> REQUIRED_COLUMNS = List.of("user", "arn", "user_creation_time",
            "password_enabled", "password_last_used", "password_last_changed", "mfa_active",
            "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
            "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date");

    public CredentialReportRow {
        Facts.text(user, "credential report user");
        Facts.text(arn, "credential report ARN");
        Facts.present(userCreationTime, "user_creation_time");
        Facts.present(passwordLastUsed, "password_last_used");
        Facts.present(passwordLastChanged, "password_last_changed");
        Facts.present(accessKey1, "access key 1");
        Facts.present(accessKey2, "access key 2");
    }

    public boolean isRoot() {
        return ROOT_USER.equals(user);
    }

    public List<AccessKey> accessKeys() {
        return List.of(accessKey1, accessKey2);
    }

    public List<AccessKey> activeAccessKeys() {
        return accessKeys().stream().filter(AccessKey::active).toList();
    }

    /** Parses a whole report: a header line, then one line per user. */
    public static List<CredentialReportRow> parseCsv(String csv) {
        List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("The credential report is empty");
        }
        String[] header = lines.getFirst().split(",", -1);
        List<CredentialReportRow> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length != header.length) {
                throw new IllegalArgumentException("Credential report line has " + cells.length + " cells, header has "
                        + header.length + ": " + line);
            }
            Map<String, String> columns = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                columns.put(header[i].trim(), cells[i].trim());
            }
            rows.add(fromColumns(columns));
        }
        return rows;
    }

    /** Builds a row from column name → cell text. */
    public static CredentialReportRow fromColumns(Map<String, String> columns) {
        REQUIRED_COLUMNS.stream().filter(column -> !columns.containsKey(column)).findFirst().ifPresent(column -> {
            throw new IllegalArgumentException("Credential report row lacks column " + column);
        });
        String user = columns.get("user");
        Cells cells = new Cells(user, columns);
        return new CredentialReportRow(user, columns.get("arn"), cells.time("user_creation_time"),
                cells.flag("password_enabled"), cells.time("password_last_used"), cells.time("password_last_changed"),
                cells.flag("mfa_active"), cells.accessKey(1), cells.accessKey(2));
    }

    /**
     * @param slot            1 or 2, as in the report's column names
     * @param active          access_key_N_active
     * @param lastRotated     access_key_N_last_rotated (creation or last rotation)
     * @param lastUsed        access_key_N_last_used_date, empty when never used
     * @param lastUsedService access_key_N_last_used_service
     */
    public record AccessKey(int slot, boolean active, Optional<Instant> lastRotated, Optional<Instant> lastUsed,
                            Optional<String> lastUsedService) {
        public AccessKey {
            if (slot != 1 && slot != 2) {
                throw new IllegalArgumentException("An access key slot is 1 or 2, got " + slot);
            }
            Facts.present(lastRotated, "access key last rotated");
            Facts.present(lastUsed, "access key last used");
            Facts.present(lastUsedService, "access key last used service");
        }

        public static AccessKey none(int slot) {
            return new AccessKey(slot, false, Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** The latest of last use and last rotation: when this key last showed any sign of life. */
        public Optional<Instant> lastActivity() {
            return Stream.of(lastUsed, lastRotated).flatMap(Optional::stream).max(Instant::compareTo);
        }
    }

    private record Cells(String user, Map<String, String> columns) {

        Optional<Instant> time(String column) {
            String value = columns.getOrDefault(column, "");
            if (NO_VALUE.contains(value)) {
                return Optional.empty();
            }
            try {
                return Optional.of(OffsetDateTime.parse(value).toInstant());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Credential report: " + column + " of " + user
                        + " is not a timestamp: " + value, e);
            }
        }

        boolean flag(String column) {
            String value = columns.getOrDefault(column, "");
            return switch (value) {
                case "true" -> true;
                case "false", "not_supported", "N/A" -> false;
                default -> throw new IllegalArgumentException("Credential report: " + column + " of " + user
                        + " is not true or false: " + value);
            };
        }

        Optional<String> text(String column) {
            String value = columns.getOrDefault(column, "");
            return NO_VALUE.contains(value) ? Optional.empty() : Optional.of(value);
        }

        AccessKey accessKey(int slot) {
            String prefix = "access_key_" + slot + "_";
            return new AccessKey(slot, flag(prefix + "active"), time(prefix + "last_rotated"),
                    time(prefix + "last_used_date"), text(prefix + "last_used_service"));
        }
    }
}
