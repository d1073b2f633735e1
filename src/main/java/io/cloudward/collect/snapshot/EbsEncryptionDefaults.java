package io.cloudward.collect.snapshot;

import java.util.Optional;

/**
 * GetEbsEncryptionByDefault and GetEbsDefaultKmsKeyId for one region.
 *
 * @param region    the region
 * @param enabled   EbsEncryptionByDefault
 * @param kmsKeyId  KmsKeyId of the default key, when known
 */
public record EbsEncryptionDefaults(String region, boolean enabled, Optional<String> kmsKeyId) {

    public EbsEncryptionDefaults {
        Facts.text(region, "EBS defaults region");
        Facts.present(kmsKeyId, "default EBS KMS key");
    }
}
