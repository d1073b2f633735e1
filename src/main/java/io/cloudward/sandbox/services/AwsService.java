package io.cloudward.sandbox.services;

import io.cloudward.sandbox.protocol.AwsRequest;
import io.cloudward.sandbox.protocol.Protocol;

/** A simulated AWS service, found by the signing name in the request's SigV4 credential scope. */
public interface AwsService {

    /** The service in the credential scope ({@code guardduty}, {@code s3}, …). */
    String signingName();

    /** The protocol errors use before the operation is known. */
    Protocol protocol(AwsRequest request);

    /** The XML namespace of a query service's documents ({@code null} for others). */
    default String xmlNamespace() {
        return null;
    }

    /** Global services (IAM, Organizations, S3's account-wide calls) ignore the region's opt-in state. */
    default boolean regional() {
        return true;
    }

    /** The operation the request asks for; an unknown one is an error, never a fake success. */
    Operation resolve(AwsRequest request);
}
