package io.cloudward.checks;

/** The five areas a finding belongs to; the slug is the stable name used in metadata, APIs and scores. */
public enum Category {
    THREAT_DETECTION("threat-detection"),
    LOGGING("logging"),
    EXPOSURE("exposure"),
    IDENTITY("identity"),
    BACKUP_RECOVERY("backup-recovery");

    private final String slug;

    Category(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static Category fromSlug(String slug) {
        for (Category category : values()) {
            if (category.slug.equals(slug)) {
                return category;
            }
        }
        throw new IllegalArgumentException("Unknown category '" + slug
                + "'; expected one of threat-detection, logging, exposure, identity, backup-recovery");
    }
}
