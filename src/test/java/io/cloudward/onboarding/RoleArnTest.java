package io.cloudward.onboarding;

import io.cloudward.api.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoleArnTest {

    @Test
    void acceptsRolesInEveryPartitionWithPaths() {
        RoleArn arn = RoleArn.parse("  arn:aws:iam::111122223333:role/security/CloudwardSecurityAudit ");
        assertEquals("111122223333", arn.accountId());
        assertEquals("CloudwardSecurityAudit", arn.roleName());
        assertEquals("aws", arn.partition());
        assertEquals("aws-us-gov", RoleArn.parse("arn:aws-us-gov:iam::111122223333:role/R").partition());
        assertEquals("aws-cn", RoleArn.parse("arn:aws-cn:iam::111122223333:role/R").partition());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "arn:aws:iam::111122223333:user/alice | not a role",
            "arn:aws:sts::111122223333:assumed-role/R/session | session ARN",
            "arn:aws:iam::11112222333:role/R | Not a role ARN",
            "arn:aws:iam::111122223333:role/ | Not a role ARN",
            "arn:aws:iam::111122223333:role/<script> | Not a role ARN",
            "arn:aws:s3:::my-bucket | Not a role ARN",
            "' ' | Paste the role ARN"})
    void rejectsWithASpecificSentence(String raw, String expected) {
        ProblemException e = assertThrows(ProblemException.class, () -> RoleArn.parse(raw));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals("roleArn", e.errors().getFirst().field());
    }

    @Test
    void externalIdsAreLongRandomAndValidForAws() {
        String a = ExternalIds.generate();
        String b = ExternalIds.generate();
        assertTrue(a.length() >= 32 && ExternalIds.wellFormed(a), a);
        assertTrue(!a.equals(b));
        assertTrue(!ExternalIds.wellFormed("short"));
        assertTrue(!ExternalIds.wellFormed("x".repeat(40) + "<"));
    }

    @Test
    void launchInstructionsCarryTheParameters() {
        LaunchInstructions launch = LaunchInstructions.of("https://bucket.s3.amazonaws.com/cloudward-role.yaml",
                "arn:aws:iam::999999999999:role/cloudward-hub", "cw-abc", "eu-west-1");
        assertTrue(launch.quickCreateUrl().contains("#/stacks/quickcreate?templateURL=https%3A%2F%2Fbucket"));
        assertTrue(launch.quickCreateUrl().contains("&param_ExternalId=cw-abc"));
        assertTrue(launch.quickCreateUrl().contains("&param_CloudwardPrincipalArn=arn%3Aaws%3Aiam%3A%3A999999999999"));
        assertTrue(launch.cliCommand().contains("ParameterKey=ExternalId,ParameterValue=cw-abc"));
        assertTrue(launch.terraform().contains("ExternalId            = \"cw-abc\""));
    }
}
