package io.cloudward.sandbox.services;

import io.cloudward.sandbox.estate.AccessKey;
import io.cloudward.sandbox.estate.Account;
import io.cloudward.sandbox.estate.IamUser;
import io.cloudward.sandbox.estate.RootUser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The IAM credential report in AWS's CSV layout: the root account first ({@code <root_account>}), then
 * one row per user, with {@code N/A}, {@code no_information} and {@code not_supported} where AWS writes them.
 */
final class CredentialReport {

    static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,"
            + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
            + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
            + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
            + "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,"
            + "cert_2_active,cert_2_last_rotated";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);

    private CredentialReport() {
    }

    static String csv(Account account, Instant generated) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        RootUser root = account.iam().root();
        List<String> rootRow = new ArrayList<>(List.of("<root_account>", "arn:aws:iam::" + account.id() + ":root",
                time(account.created() == null ? generated : account.created()), "not_supported",
                root.passwordLastUsed() == null ? "no_information" : time(root.passwordLastUsed()),
                "not_supported", "not_supported", String.valueOf(root.mfa())));
        addKeys(rootRow, root.accessKeys());
        out.append(String.join(",", rootRow)).append('\n');
        for (IamUser user : account.iam().users()) {
            List<String> row = new ArrayList<>(List.of(field(user.name()),
                    field("arn:aws:iam::" + account.id() + ":user/" + user.name()),
                    time(user.created() == null ? generated : user.created()),
                    String.valueOf(user.passwordEnabled()),
                    !user.passwordEnabled() ? "N/A"
                            : user.passwordLastUsed() == null ? "no_information" : time(user.passwordLastUsed()),
                    !user.passwordEnabled() || user.passwordLastChanged() == null ? "N/A"
                            : time(user.passwordLastChanged()),
                    "N/A", String.valueOf(user.mfa())));
            addKeys(row, user.accessKeys());
            out.append(String.join(",", row)).append('\n');
        }
        return out.toString();
    }

    private static void addKeys(List<String> row, List<AccessKey> keys) {
        for (int i = 0; i < 2; i++) {
            if (i < keys.size()) {
                AccessKey key = keys.get(i);
                row.add(String.valueOf(key.active()));
                row.add(key.lastRotated() == null ? "N/A" : time(key.lastRotated()));
                row.add(key.lastUsed() == null ? "N/A" : time(key.lastUsed()));
                row.add(key.lastUsed() == null || key.lastUsedRegion() == null ? "N/A" : key.lastUsedRegion());
                row.add(key.lastUsed() == null || key.lastUsedService() == null ? "N/A" : key.lastUsedService());
            } else {
                row.addAll(List.of("false", "N/A", "N/A", "N/A", "N/A"));
            }
        }
        row.addAll(List.of("false", "N/A", "false", "N/A"));
    }

    private static String time(Instant instant) {
        return TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** IAM names cannot hold commas or quotes, but estate files are data: quote anything CSV would break on. */
    private static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
