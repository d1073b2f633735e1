package io.cloudward.checks.snapshot;

import io.cloudward.collect.snapshot.CredentialReportRow;
import io.cloudward.collect.snapshot.ReportedCredentials;
import io.cloudward.collect.snapshot.RootCredentials;
import io.cloudward.collect.snapshot.UserCredentials;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialReportRowTest {

    private static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,"
            + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
            + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
            + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
            + "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

    private static final String REPORT = HEADER + "\n"
            + "<root_account>,arn:aws:iam::123456789012:root,2019-01-01T00:00:00+00:00,not_supported,2025-05-30T08:00:00+00:00,"
            + "not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n"
            + "alice,arn:aws:iam::123456789012:user/alice,2024-01-01T09:00:00+00:00,true,no_information,"
            + "2024-01-01T09:05:00+00:00,N/A,false,true,2024-01-01T09:06:00+00:00,2025-05-31T12:00:00+00:00,eu-west-1,s3,"
            + "false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";

    @Test
    void parsesTheRootRow() {
        CredentialReportRow root = CredentialReportRow.parseCsv(REPORT).getFirst();
        assertTrue(root.isRoot());
        assertFalse(root.passwordEnabled());
        assertTrue(root.mfaActive());
        assertEquals(Optional.of(Instant.parse("2025-05-30T08:00:00Z")), root.passwordLastUsed());
        assertEquals(List.of(), root.activeAccessKeys());
        assertInstanceOf(RootCredentials.class, ReportedCredentials.of(root));
    }

    @Test
    void parsesAUserRowWithItsSpecialValues() {
        CredentialReportRow alice = CredentialReportRow.parseCsv(REPORT).get(1);
        assertEquals("alice", alice.user());
        assertTrue(alice.passwordEnabled());
        assertEquals(Optional.empty(), alice.passwordLastUsed());
        assertEquals(1, alice.activeAccessKeys().size());
        CredentialReportRow.AccessKey key = alice.accessKey1();
        assertEquals(Optional.of(Instant.parse("2025-05-31T12:00:00Z")), key.lastUsed());
        assertEquals(Optional.of("s3"), key.lastUsedService());
        assertEquals(key.lastUsed(), key.lastActivity());
        assertInstanceOf(UserCredentials.class, ReportedCredentials.of(alice));
    }

    @Test
    void rejectsMalformedReportsWithTheUserAndColumn() {
        IllegalArgumentException badTime = assertThrows(IllegalArgumentException.class,
                () -> CredentialReportRow.parseCsv(REPORT.replace("2024-01-01T09:05:00+00:00", "yesterday")));
        assertTrue(badTime.getMessage().contains("password_last_changed of alice"), badTime.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CredentialReportRow.parseCsv(HEADER + "\nalice,arn"));
        assertThrows(IllegalArgumentException.class, () -> CredentialReportRow.parseCsv(""));
    }

    @Test
    void rootAndUserWrappersRefuseTheWrongRow() {
        List<CredentialReportRow> rows = CredentialReportRow.parseCsv(REPORT);
        assertThrows(IllegalArgumentException.class, () -> new UserCredentials(rows.getFirst()));
        assertThrows(IllegalArgumentException.class, () -> new RootCredentials(rows.get(1)));
    }
}
