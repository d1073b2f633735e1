package io.cloudward.sandbox.estate;

import java.time.Instant;
import java.util.List;

/** An RDS DB instance. {@code securityGroups} holds VPC security group ids or names. */
public record DbInstance(String id, String engine, String engineVersion, String instanceClass, String status,
                         boolean publiclyAccessible, Integer backupRetentionPeriod, boolean deletionProtection,
                         boolean storageEncrypted, boolean multiAz, Integer port, String vpcId,
                         List<String> securityGroups, String availabilityZone, Instant created,
                         String masterUsername, Integer allocatedStorage, List<Tag> tags) {

    public DbInstance {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a DB instance needs an id");
        }
        engine = engine == null ? "postgres" : engine;
        engineVersion = engineVersion == null ? defaultVersion(engine) : engineVersion;
        instanceClass = instanceClass == null ? "db.t3.medium" : instanceClass;
        status = status == null ? "available" : status;
        backupRetentionPeriod = backupRetentionPeriod == null ? 7 : backupRetentionPeriod;
        port = port == null ? defaultPort(engine) : port;
        securityGroups = Lists.orEmpty(securityGroups);
        masterUsername = masterUsername == null ? "dbadmin" : masterUsername;
        allocatedStorage = allocatedStorage == null ? 100 : allocatedStorage;
        tags = Lists.orEmpty(tags);
    }

    public DbInstance withPlacement(String newVpcId, String zone, List<String> groupIds) {
        return new DbInstance(id, engine, engineVersion, instanceClass, status, publiclyAccessible,
                backupRetentionPeriod, deletionProtection, storageEncrypted, multiAz, port, newVpcId, groupIds, zone,
                created, masterUsername, allocatedStorage, tags);
    }

    private static int defaultPort(String engine) {
        return switch (engine) {
            case "mysql", "mariadb", "aurora-mysql" -> 3306;
            case "sqlserver-ex", "sqlserver-se", "sqlserver-ee", "sqlserver-web" -> 1433;
            case "oracle-ee", "oracle-se2" -> 1521;
            default -> 5432;
        };
    }

    private static String defaultVersion(String engine) {
        return switch (engine) {
            case "mysql" -> "8.0.39";
            case "mariadb" -> "10.11.9";
            default -> "16.4";
        };
    }
}
