package io.cloudward.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;

class SandboxIamIT {

    private static SandboxFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    private static IamClient iam(String account) {
        return fixture.track(fixture.factory.create(IamClient.builder(), Region.AWS_GLOBAL, fixture.role(account)));
    }

    @Test
    void accountSummaryShowsRootMfaAndKeys() {
        Map<SummaryKeyType, Integer> codespaces = iam(SandboxFixture.CODESPACES).getAccountSummary().summaryMap();
        assertEquals(0, codespaces.get(SummaryKeyType.ACCOUNT_MFA_ENABLED));
        assertEquals(1, codespaces.get(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT));
        assertEquals(3, codespaces.get(SummaryKeyType.USERS));
        Map<SummaryKeyType, Integer> wellRun = iam(SandboxFixture.WELL_RUN).getAccountSummary().summaryMap();
        assertEquals(1, wellRun.get(SummaryKeyType.ACCOUNT_MFA_ENABLED));
        assertEquals(0, wellRun.get(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT));
    }

    @Test
    void passwordPolicyOrNoSuchEntity() {
        PasswordPolicy policy = iam(SandboxFixture.WELL_RUN).getAccountPasswordPolicy().passwordPolicy();
        assertEquals(14, policy.minimumPasswordLength());
        assertEquals(90, policy.maxPasswordAge());
        assertTrue(policy.expirePasswords());
        NoSuchEntityException none = assertThrows(NoSuchEntityException.class,
                () -> iam(SandboxFixture.CODESPACES).getAccountPasswordPolicy());
        assertEquals(404, none.statusCode());
        assertEquals("NoSuchEntity", none.awsErrorDetails().errorCode());
    }

    @Test
    void credentialReportIsGeneratedThenServedAsCsv() {
        IamClient iam = iam(SandboxFixture.CODESPACES);
        assertThrows(CredentialReportNotPresentException.class, iam::getCredentialReport);
        assertEquals(ReportStateType.STARTED, iam.generateCredentialReport().state());
        assertEquals(ReportStateType.COMPLETE, iam.generateCredentialReport().state());
        String csv = iam.getCredentialReport().content().asString(StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertTrue(lines.get(0).startsWith("user,arn,user_creation_time,password_enabled,password_last_used,"
                + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,"
                + "access_key_1_last_rotated,access_key_1_last_used_date"));
        assertEquals(22, lines.get(0).split(",").length);
        String[] root = lines.get(1).split(",");
        assertEquals("<root_account>", root[0]);
        assertEquals("arn:aws:iam::111111111111:root", root[1]);
        assertEquals("not_supported", root[3]);
        assertEquals("false", root[7]);
        assertEquals("true", root[8]);
        String[] opsAdmin = lines.stream().filter(line -> line.startsWith("ops-admin,")).findFirst().orElseThrow()
                .split(",");
        assertEquals("true", opsAdmin[3]);
        assertEquals("false", opsAdmin[7]);
        assertEquals(5, lines.size(), "header, root and three users");
    }
}
