package io.cloudward.aws;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The {@code cloudward.aws.*} settings: who Cloudward is in AWS and what it tells customers to deploy. */
@ConfigMapping(prefix = "cloudward.aws")
public interface AwsConfig {

    /**
     * The IAM principal Cloudward signs in as (the role of its pods or instances), which every customer
     * role trusts. With the sandbox it is the sandbox's hub user; in production it must be set.
     */
    Optional<String> principalArn();

    /** Where customers' CloudFormation fetches the role template (an S3 HTTPS URL). */
    @WithDefault("https://cloudward-public.s3.amazonaws.com/onboarding/v1/cloudward-role.yaml")
    String roleTemplateUrl();

    /** Where customers' CloudFormation fetches the StackSet template for organisations. */
    @WithDefault("https://cloudward-public.s3.amazonaws.com/onboarding/v1/cloudward-stackset.yaml")
    String stacksetTemplateUrl();

    /** Region of the STS endpoint used to assume customer roles (regional STS, not the global one). */
    @WithDefault("us-east-1")
    String stsRegion();

    /** Send every AWS call here instead of AWS (an AWS look-alike); the sandbox sets it itself. */
    Optional<URI> endpoint();

    /**
     * Longest time one AWS call may take, retries included: a region that does not answer holds a source
     * no longer than this.
     */
    @WithDefault("60s")
    Duration callTimeout();

    /** Socket read timeout of one attempt. */
    @WithDefault("30s")
    Duration readTimeout();

    /** Name of Cloudward's sessions in customers' CloudTrail, so they can tell Cloudward's calls apart. */
    @WithDefault("cloudward")
    String sessionName();
}
