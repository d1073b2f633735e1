package io.cloudward.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleTemplateTest {

    /** A role whose inline policies are shaped by parameters and conditions. */
    private static String template(String policies) {
        return """
                AWSTemplateFormatVersion: "2010-09-09"
                Parameters:
                  Principal:
                    Type: String
                  ExternalId:
                    Type: String
                  Audit:
                    Type: String
                    Default: "false"
                    AllowedValues: ["false", "true"]
                  Env:
                    Type: String
                    Default: dev
                Conditions:
                  AuditOn: !Equals [!Ref Audit, "true"]
                  Prod: !Equals [prod, !Ref Env]
                  AuditInProd: !And [!Condition AuditOn, !Condition Prod]
                  NotProd: !Not [!Condition Prod]
                  AuditOrProd: !Or [!Condition AuditOn, !Condition Prod]
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      RoleName: !Sub "${Env}-audit"
                      AssumeRolePolicyDocument:
                        Version: "2012-10-17"
                        Statement:
                          - Effect: Allow
                            Principal: {AWS: !Ref Principal}
                            Action: sts:AssumeRole
                            Condition:
                              StringEquals:
                                sts:ExternalId: !Ref ExternalId
                      Policies:
                %s
                Outputs:
                  Arn:
                    Value: !GetAtt Role.Arn
                """.formatted(policies.indent(8).stripTrailing());
    }

    private static final String CONDITIONAL_POLICIES = """
            - PolicyName: Base
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: ec2:DescribeRegions
                    Resource: "*"
                  - Effect: Allow
                    Action:
                      - !If [AuditOn, iam:GetAccountSummary, !Ref AWS::NoValue]
                      - !If [NotProd, s3:ListAllMyBuckets, rds:DescribeDBInstances]
                    Resource: !Sub "arn:${AWS::Partition}:s3:::*"
            - !If
              - AuditInProd
              - PolicyName: ProdAudit
                PolicyDocument:
                  Statement:
                    Effect: Allow
                    Action: [backup:ListBackupJobs]
                    Resource: "*"
              - !Ref AWS::NoValue
            - !If
              - AuditOrProd
              - PolicyName: Either
                PolicyDocument:
                  Statement:
                    - Effect: Allow
                      Action: config:DescribeConfigurationRecorders
                      Resource: "*"
              - !Ref AWS::NoValue
            """;

    @Test
    void defaultsDropTheBranchesWhoseConditionsAreFalse() {
        RoleTemplate.Permissions permissions = RoleTemplate.parse(template(CONDITIONAL_POLICIES)).permissions();

        assertEquals(Set.of("ec2:DescribeRegions", "s3:ListAllMyBuckets"), permissions.allowed());
    }

    @Test
    void parametersDecideConditionsIfAndNoValue() {
        RoleTemplate role = RoleTemplate.parse(template(CONDITIONAL_POLICIES));

        assertEquals(Set.of("ec2:DescribeRegions", "iam:GetAccountSummary", "s3:ListAllMyBuckets",
                        "config:DescribeConfigurationRecorders"),
                role.permissions(Map.of("Audit", "true")).allowed());
        assertEquals(Set.of("ec2:DescribeRegions", "rds:DescribeDBInstances", "config:DescribeConfigurationRecorders"),
                role.permissions(Map.of("Env", "prod")).allowed());
        assertEquals(Set.of("ec2:DescribeRegions", "iam:GetAccountSummary", "rds:DescribeDBInstances",
                        "backup:ListBackupJobs", "config:DescribeConfigurationRecorders"),
                role.permissions(Map.of("Audit", "true", "Env", "prod")).allowed());
    }

    @Test
    void parameterValuesAreChecked() {
        RoleTemplate role = RoleTemplate.parse(template(CONDITIONAL_POLICIES));

        assertThrows(IllegalArgumentException.class, () -> role.permissions(Map.of("Audit", "yes")));
        assertThrows(IllegalArgumentException.class, () -> role.permissions(Map.of("Unknown", "x")));
    }

    @Test
    void wildcardsMatchActionsIgnoringCaseAndDenyWins() {
        RoleTemplate.Permissions permissions = RoleTemplate.parse(template("""
                - PolicyName: Wild
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: ["guardduty:Get*", "backup:List?ackupJobs", "s3:*"]
                        Resource: "*"
                      - Effect: Deny
                        Action: s3:GetObject*
                        Resource: "*"
                """)).permissions();

        assertTrue(permissions.allows("guardduty:GetFindings"));
        assertTrue(permissions.allows("GuardDuty:getdetector"));
        assertFalse(permissions.allows("guardduty:ListFindings"));
        assertTrue(permissions.allows("backup:ListBackupJobs"));
        assertFalse(permissions.allows("backup:ListBackupJobsX"));
        assertTrue(permissions.allows("s3:ListAllMyBuckets"));
        assertFalse(permissions.allows("s3:GetObjectVersion"));
        assertFalse(permissions.allows("guarddutyXGetFindings"), "the colon is literal");
        assertEquals(Set.of("guardduty:ListFindings", "s3:GetObject"),
                permissions.missing(List.of("guardduty:GetFindings", "guardduty:ListFindings", "s3:GetObject")));
    }

    @Test
    void aStarGrantsEverything() {
        RoleTemplate.Permissions permissions = RoleTemplate.parse(template("""
                - PolicyName: Admin
                  PolicyDocument:
                    Statement: [{Effect: Allow, Action: "*", Resource: "*"}]
                """)).permissions();

        assertEquals(Set.of(), permissions.missing(CollectorPermissions.allActions()));
    }

    @Test
    void trustNamesThePrincipalAndTheExternalIdFromParameters() {
        RoleTemplate role = RoleTemplate.parse(template(CONDITIONAL_POLICIES));

        RoleTemplate.Trust trust = role.trust(Map.of("Principal", "arn:aws:iam::111122223333:root",
                "ExternalId", "e".repeat(32)));

        assertEquals(new RoleTemplate.Trust("arn:aws:iam::111122223333:root", Optional.of("e".repeat(32))), trust);
        assertEquals("Role", role.roleLogicalId());
    }

    @Test
    void managedPoliciesAndBoundariesCannotBeDerivedAndAreRejected() {
        String managed = template(CONDITIONAL_POLICIES).replace("      Policies:\n",
                "      ManagedPolicyArns: [arn:aws:iam::aws:policy/SecurityAudit]\n      Policies:\n");
        String boundary = template(CONDITIONAL_POLICIES).replace("      Policies:\n",
                "      PermissionsBoundary: arn:aws:iam::111122223333:policy/b\n      Policies:\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RoleTemplate.parse(managed).permissions());
        assertTrue(e.getMessage().contains("ManagedPolicyArns"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RoleTemplate.parse(boundary).permissions());
    }

    @Test
    void managedPolicyArnsChosenAwayByAConditionAreFine() {
        String conditional = template(CONDITIONAL_POLICIES).replace("      Policies:\n",
                "      ManagedPolicyArns: !If [AuditOn, [arn:aws:iam::aws:policy/SecurityAudit], !Ref AWS::NoValue]\n"
                        + "      Policies:\n");
        RoleTemplate role = RoleTemplate.parse(conditional);

        assertTrue(role.permissions().allows("ec2:DescribeRegions"));
        assertThrows(IllegalArgumentException.class, () -> role.permissions(Map.of("Audit", "true")));
    }

    @Test
    void statementsThatCannotBeReadExactlyAreRejected() {
        for (String statement : List.of(
                "{Effect: Allow, NotAction: iam:*, Resource: '*'}",
                "{Effect: Allow, Action: s3:GetObject, Resource: '*', Condition: {Bool: {aws:SecureTransport: 'true'}}}",
                "{Effect: Allow, Action: ListBuckets, Resource: '*'}",
                "{Effect: Allow, Resource: '*'}")) {
            String policies = "- PolicyName: P\n  PolicyDocument:\n    Statement: [" + statement + "]\n";
            assertThrows(IllegalArgumentException.class,
                    () -> RoleTemplate.parse(template(policies)).permissions(), statement);
        }
    }

    @Test
    void separatePolicyResourcesAndSeveralRolesAreRejected() {
        String extraPolicy = template(CONDITIONAL_POLICIES).replace("Outputs:\n", """
                  Extra:
                    Type: AWS::IAM::Policy
                    Properties: {PolicyName: x, Roles: [!Ref Role], PolicyDocument: {Statement: []}}
                Outputs:
                """);
        String twoRoles = template(CONDITIONAL_POLICIES).replace("Outputs:\n", """
                  Other:
                    Type: AWS::IAM::Role
                    Properties: {AssumeRolePolicyDocument: {}}
                Outputs:
                """);

        assertThrows(IllegalArgumentException.class, () -> RoleTemplate.parse(extraPolicy));
        assertThrows(IllegalArgumentException.class, () -> RoleTemplate.parse(twoRoles));
    }

    @Test
    void shortFormTagsBecomeTheLongForm() {
        Object loaded = CfnYaml.load("""
                a: !Ref X
                b: !GetAtt Role.Arn
                c: !Sub "${X}-y"
                d: !Join [",", [a, b]]
                e: !If [C, !Ref AWS::NoValue, {k: v}]
                f: !Condition C
                """);

        assertEquals(Map.of(
                "a", Map.of("Ref", "X"),
                "b", Map.of("Fn::GetAtt", List.of("Role", "Arn")),
                "c", Map.of("Fn::Sub", "${X}-y"),
                "d", Map.of("Fn::Join", List.of(",", List.of("a", "b"))),
                "e", Map.of("Fn::If", List.of("C", Map.of("Ref", "AWS::NoValue"), Map.of("k", "v"))),
                "f", Map.of("Condition", "C")), loaded);
    }
}
