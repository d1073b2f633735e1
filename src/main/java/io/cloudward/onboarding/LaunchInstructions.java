package io.cloudward.onboarding;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The three ways a customer can create Cloudward's role in their account, all carrying the same
 * generated ExternalId and Cloudward's principal: the console's quick-create link, the AWS CLI, and
 * Terraform.
 */
public record LaunchInstructions(String quickCreateUrl, String cliCommand, String terraform) {
    public static final String STACK_NAME = "cloudward-security-audit";

    public static LaunchInstructions of(String templateUrl, String principalArn, String externalId, String region) {
        String quickCreate = "https://console.aws.amazon.com/cloudformation/home?region=" + enc(region)
                + "#/stacks/quickcreate?templateURL=" + enc(templateUrl)
                + "&stackName=" + STACK_NAME
                + "&param_CloudwardPrincipalArn=" + enc(principalArn)
                + "&param_ExternalId=" + enc(externalId);
        String cli = "aws cloudformation create-stack --region " + region + " --stack-name " + STACK_NAME + " \\\n"
                + "  --template-url '" + templateUrl + "' \\\n"
                + "  --capabilities CAPABILITY_NAMED_IAM \\\n"
                + "  --parameters ParameterKey=CloudwardPrincipalArn,ParameterValue=" + principalArn + " \\\n"
                + "               ParameterKey=ExternalId,ParameterValue=" + externalId + "\n"
                + "aws cloudformation wait stack-create-complete --region " + region + " --stack-name " + STACK_NAME + "\n"
                + "aws cloudformation describe-stacks --region " + region + " --stack-name " + STACK_NAME
                + " --query \"Stacks[0].Outputs[?OutputKey=='RoleArn'].OutputValue\" --output text";
        String terraform = """
                resource "aws_cloudformation_stack" "cloudward" {
                  name         = "%s"
                  template_url = "%s"
                  capabilities = ["CAPABILITY_NAMED_IAM"]
                  parameters = {
                    CloudwardPrincipalArn = "%s"
                    ExternalId            = "%s"
                  }
                }

                output "cloudward_role_arn" {
                  value = aws_cloudformation_stack.cloudward.outputs["RoleArn"]
                }
                """.formatted(STACK_NAME, templateUrl, principalArn, externalId);
        return new LaunchInstructions(quickCreate, cli, terraform);
    }

    /**
     * An organisation: the management account's own role stack (with organisation listing, the StackSet does
     * not reach the management account) and the StackSet stack that puts the role in every member account,
     * both with the organisation's one ExternalId.
     */
    public static LaunchInstructions forOrganization(String roleTemplateUrl, String stacksetTemplateUrl,
                                                     String principalArn, String externalId, String region) {
        String quickCreate = "https://console.aws.amazon.com/cloudformation/home?region=" + enc(region)
                + "#/stacks/quickcreate?templateURL=" + enc(roleTemplateUrl)
                + "&stackName=" + STACK_NAME
                + "&param_CloudwardPrincipalArn=" + enc(principalArn)
                + "&param_ExternalId=" + enc(externalId)
                + "&param_EnableOrganizationListing=true";
        String cli = "# 1. In the management account: its own role, allowed to list the organisation\n"
                + "aws cloudformation create-stack --region " + region + " --stack-name " + STACK_NAME + " \\\n"
                + "  --template-url '" + roleTemplateUrl + "' --capabilities CAPABILITY_NAMED_IAM \\\n"
                + "  --parameters ParameterKey=CloudwardPrincipalArn,ParameterValue=" + principalArn + " \\\n"
                + "               ParameterKey=ExternalId,ParameterValue=" + externalId + " \\\n"
                + "               ParameterKey=EnableOrganizationListing,ParameterValue=true\n"
                + "# 2. The StackSet that creates the role in every member account (replace r-xxxx with your root or OU ids)\n"
                + "aws cloudformation create-stack --region " + region + " --stack-name " + STACK_NAME + "-stackset \\\n"
                + "  --template-url '" + stacksetTemplateUrl + "' \\\n"
                + "  --parameters ParameterKey=CloudwardPrincipalArn,ParameterValue=" + principalArn + " \\\n"
                + "               ParameterKey=ExternalId,ParameterValue=" + externalId + " \\\n"
                + "               ParameterKey=TemplateURL,ParameterValue=" + roleTemplateUrl + " \\\n"
                + "               ParameterKey=OrganizationalUnitIds,ParameterValue=r-xxxx";
        String terraform = """
                resource "aws_cloudformation_stack" "cloudward_management" {
                  name         = "%s"
                  template_url = "%s"
                  capabilities = ["CAPABILITY_NAMED_IAM"]
                  parameters = {
                    CloudwardPrincipalArn     = "%s"
                    ExternalId                = "%s"
                    EnableOrganizationListing = "true"
                  }
                }

                resource "aws_cloudformation_stack" "cloudward_stackset" {
                  name         = "%s-stackset"
                  template_url = "%s"
                  parameters = {
                    CloudwardPrincipalArn = "%s"
                    ExternalId            = "%s"
                    TemplateURL           = "%s"
                    OrganizationalUnitIds = "r-xxxx" # your root or OU ids
                  }
                }

                output "cloudward_management_role_arn" {
                  value = aws_cloudformation_stack.cloudward_management.outputs["RoleArn"]
                }
                """.formatted(STACK_NAME, roleTemplateUrl, principalArn, externalId, STACK_NAME, stacksetTemplateUrl,
                principalArn, externalId, roleTemplateUrl);
        return new LaunchInstructions(quickCreate, cli, terraform);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
