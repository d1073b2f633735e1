package io.cloudward.collect.snapshot;

import java.util.Optional;

/**
 * S3 Control GetPublicAccessBlock for the account.
 *
 * @param flags the configuration, empty when S3 answered NoSuchPublicAccessBlockConfiguration
 */
public record AccountPublicAccessBlock(Optional<PublicAccessBlockFlags> flags) {

    public AccountPublicAccessBlock {
        Facts.present(flags, "account public access block");
    }

    public static AccountPublicAccessBlock notConfigured() {
        return new AccountPublicAccessBlock(Optional.empty());
    }

    public static AccountPublicAccessBlock of(PublicAccessBlockFlags flags) {
        return new AccountPublicAccessBlock(Optional.of(flags));
    }
}
