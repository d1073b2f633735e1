package io.cloudward.onboarding;

import io.cloudward.api.ProblemException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IAM role ARN as a customer pastes it, checked before Cloudward calls AWS: partition, 12-digit
 * account, a role (not a user) with a valid path and name. Each mistake gets its own sentence.
 */
public record RoleArn(String value, String partition, String accountId, String roleName) {
    private static final Pattern ROLE = Pattern.compile(
            "^arn:(aws|aws-us-gov|aws-cn):iam::(\\d{12}):role/((?:[\\w+=,.@-]+/)*)([\\w+=,.@-]{1,64})$");
    private static final Pattern ANY_IAM = Pattern.compile("^arn:[\\w-]+:iam::(\\d{12}):(\\w[\\w-]*)/.*$");

    public static RoleArn parse(String raw) {
        String arn = raw == null ? "" : raw.strip();
        if (arn.isEmpty()) {
            throw ProblemException.invalid("roleArn", "Paste the role ARN from the stack's Outputs (RoleArn).");
        }
        if (arn.length() > 2048) {
            throw ProblemException.invalid("roleArn", "That is far too long to be a role ARN.");
        }
        Matcher role = ROLE.matcher(arn);
        if (role.matches()) {
            return new RoleArn(arn, role.group(1), role.group(2), role.group(4));
        }
        Matcher iam = ANY_IAM.matcher(arn);
        if (iam.matches() && !iam.group(2).equals("role")) {
            throw ProblemException.invalid("roleArn", "This is the ARN of an IAM " + iam.group(2)
                    + ", not a role. Cloudward needs the role the CloudFormation stack created (arn:aws:iam::<account>:role/…); it never uses users or access keys.");
        }
        if (arn.startsWith("arn:") && arn.contains(":sts::")) {
            throw ProblemException.invalid("roleArn", "This is an assumed-role session ARN (sts). Use the role's own ARN: arn:aws:iam::<account>:role/<name>.");
        }
        throw ProblemException.invalid("roleArn",
                "Not a role ARN. It looks like arn:aws:iam::123456789012:role/CloudwardSecurityAudit (12-digit account id, role name of letters, digits and +=,.@_-).");
    }

    @Override
    public String toString() {
        return value;
    }
}
