package io.cloudward.sandbox.estate;

import java.util.List;
import java.util.Optional;

/** Real GuardDuty finding types the sandbox produces, with their usual severity. */
public final class FindingCatalog {

    public static final List<FindingType> TYPES = List.of(
            new FindingType("Recon:EC2/PortProbeUnprotectedPort", 2.0, "Instance", "PORT_PROBE", null, null, 22, null,
                    "Unprotected port on EC2 instance %s is being probed.",
                    "EC2 instance %s has an unprotected port which is being probed by a known malicious host."),
            new FindingType("UnauthorizedAccess:EC2/SSHBruteForce", 2.0, "Instance", "NETWORK_CONNECTION", null, null,
                    22, null, "SSH brute force attacks against %s.",
                    "A remote host is performing SSH brute force attacks against EC2 instance %s."),
            new FindingType("CryptoCurrency:EC2/BitcoinTool.B!DNS", 8.0, "Instance", "DNS_REQUEST", null, null, null,
                    "pool.minergate.com", "Bitcoin-related domain name queried by EC2 instance %s.",
                    "EC2 instance %s is querying a domain name that is associated with Bitcoin-related activity."),
            new FindingType("Backdoor:EC2/C&CActivity.B!DNS", 8.0, "Instance", "DNS_REQUEST", null, null, null,
                    "c2.example-botnet.net", "Command and control server domain name queried by EC2 instance %s.",
                    "EC2 instance %s is querying a domain name associated with a known command & control server."),
            new FindingType("Trojan:EC2/DNSDataExfiltration", 8.0, "Instance", "DNS_REQUEST", null, null, null,
                    "x7f3.exfil.example.org", "Data exfiltration through DNS queries from EC2 instance %s.",
                    "EC2 instance %s is attempting to exfiltrate data by performing DNS queries."),
            new FindingType("UnauthorizedAccess:EC2/TorClient", 8.0, "Instance", "NETWORK_CONNECTION", null, null,
                    9001, null, "EC2 instance %s is communicating with Tor Entry/Guard Node.",
                    "EC2 instance %s is making connections to a Tor Guard or an Authority node."),
            new FindingType("UnauthorizedAccess:IAMUser/ConsoleLoginSuccess.B", 5.0, "AccessKey", "AWS_API_CALL",
                    "ConsoleLogin", "signin.amazonaws.com", null, null,
                    "Unusual console login was seen for principal %s.",
                    "Principal %s successfully logged in to the AWS Management Console from an unusual location."),
            new FindingType("UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", 8.0, "AccessKey",
                    "AWS_API_CALL", "DescribeInstances", "ec2.amazonaws.com", null, null,
                    "Credentials for instance role %s used from external IP address.",
                    "Credentials created exclusively for an EC2 instance using instance role %s have been used "
                            + "from an external IP address."),
            new FindingType("Stealth:IAMUser/CloudTrailLoggingDisabled", 2.0, "AccessKey", "AWS_API_CALL",
                    "StopLogging", "cloudtrail.amazonaws.com", null, null,
                    "AWS CloudTrail trail was disabled by %s.",
                    "The API StopLogging was invoked by %s, turning off CloudTrail logging."),
            new FindingType("Policy:IAMUser/RootCredentialUsage", 2.0, "AccessKey", "AWS_API_CALL", "ListBuckets",
                    "s3.amazonaws.com", null, null, "API ListBuckets was invoked using root credentials.",
                    "API ListBuckets was invoked using root credentials from %s."),
            new FindingType("Recon:IAMUser/MaliciousIPCaller", 5.0, "AccessKey", "AWS_API_CALL",
                    "DescribeSecurityGroups", "ec2.amazonaws.com", null, null,
                    "Reconnaissance API invoked from a known malicious IP address by %s.",
                    "API DescribeSecurityGroups was invoked by %s from a known malicious IP address."),
            new FindingType("PenTest:IAMUser/KaliLinux", 5.0, "AccessKey", "AWS_API_CALL", "ListUsers",
                    "iam.amazonaws.com", null, null, "API ListUsers was invoked from a Kali Linux computer.",
                    "API ListUsers was invoked by %s from a Kali Linux computer."),
            new FindingType("Policy:S3/BucketBlockPublicAccessDisabled", 2.0, "S3Bucket", "AWS_API_CALL",
                    "DeletePublicAccessBlock", "s3.amazonaws.com", null, null,
                    "Amazon S3 Block Public Access was disabled for S3 bucket %s.",
                    "Amazon S3 Block Public Access was disabled for S3 bucket %s; it may be publicly accessible."),
            new FindingType("Discovery:S3/MaliciousIPCaller", 5.0, "S3Bucket", "AWS_API_CALL", "GetObject",
                    "s3.amazonaws.com", null, null, "S3 API GetObject was invoked from a known malicious IP address.",
                    "S3 API GetObject was invoked on bucket %s from a known malicious IP address."));

    private FindingCatalog() {
    }

    public static Optional<FindingType> byName(String name) {
        return TYPES.stream().filter(type -> type.name().equals(name)).findFirst();
    }

    public static List<FindingType> forResource(String resourceType) {
        return TYPES.stream().filter(type -> type.resourceType().equals(resourceType)).toList();
    }
}
