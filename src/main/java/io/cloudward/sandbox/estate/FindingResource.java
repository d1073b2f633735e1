package io.cloudward.sandbox.estate;

/**
 * What a finding is about.
 *
 * @param type {@code Instance}, {@code AccessKey} or {@code S3Bucket}
 */
public record FindingResource(String type, String instanceId, String userName, String accessKeyId,
                              String bucketName) {

    public FindingResource {
        type = type == null ? "Instance" : type;
    }
}
