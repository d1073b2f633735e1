package io.cloudward.sandbox.services;

import io.cloudward.sandbox.estate.DbInstance;
import io.cloudward.sandbox.estate.Ids;
import io.cloudward.sandbox.estate.Rng;
import io.cloudward.sandbox.protocol.AwsError;
import io.cloudward.sandbox.protocol.Filter;
import io.cloudward.sandbox.protocol.PageToken;
import io.cloudward.sandbox.protocol.Protocol;
import io.cloudward.sandbox.protocol.QueryParams;
import io.cloudward.sandbox.protocol.QueryResponses;
import io.cloudward.sandbox.protocol.Response;
import java.util.List;
import java.util.Locale;

/** RDS: DescribeDBInstances with identifier lookup, filters and Marker pagination. */
public final class RdsService extends QueryService {

    static final String NAMESPACE = "http://rds.amazonaws.com/doc/2014-10-31/";

    public RdsService() {
        register(Operation.of("rds", "DescribeDBInstances", Protocol.QUERY, this::describeDbInstances)
                .on(call -> "arn:aws:rds:" + call.region() + ":" + call.accountId() + ":db:*"));
    }

    @Override
    public String signingName() {
        return "rds";
    }

    @Override
    public String xmlNamespace() {
        return NAMESPACE;
    }

    private Response describeDbInstances(Call call) {
        QueryParams params = call.request().form();
        List<DbInstance> databases = call.regionView().spec().rdsOrEmpty();
        String identifier = params.get("DBInstanceIdentifier");
        if (identifier != null) {
            databases = databases.stream().filter(db -> db.id().equals(identifier) || arn(db, call).equals(identifier))
                    .toList();
            if (databases.isEmpty()) {
                throw new AwsError("DBInstanceNotFound", 404, "DBInstance " + identifier + " not found.");
            }
        }
        ResourceFilters<DbInstance> filters = new ResourceFilters<DbInstance>(null)
                .field("db-instance-id", db -> List.of(db.id(), arn(db, call)))
                .single("engine", DbInstance::engine)
                .single("dbi-resource-id", RdsService::resourceId);
        List<Filter> requested = params.filters("Filters.Filter", "Values.Value");
        List<DbInstance> kept = filters.apply(databases, requested, "InvalidParameterValue");
        Integer maxRecords = params.integer("MaxRecords", "InvalidParameterValue");
        if (maxRecords != null && (maxRecords < 20 || maxRecords > 100)) {
            throw new AwsError("InvalidParameterValue", 400,
                    "Invalid value " + maxRecords + " for MaxRecords. Must be between 20 and 100");
        }
        PageToken.Page<DbInstance> page = PageToken.page(kept, params.get("Marker"),
                maxRecords == null ? 100 : maxRecords, call.accountId() + call.region() + requested + identifier,
                () -> new AwsError("InvalidParameterValue", 400, "The parameter Marker is not a valid marker."));
        return QueryResponses.query("DescribeDBInstances", NAMESPACE, call.requestId(), xml -> {
            xml.list("DBInstances", "DBInstance", page.items(), (item, db) -> item
                    .element("DBInstanceIdentifier", db.id())
                    .element("DBInstanceClass", db.instanceClass())
                    .element("Engine", db.engine())
                    .element("DBInstanceStatus", db.status())
                    .element("MasterUsername", db.masterUsername())
                    .start("Endpoint")
                    .element("Address", db.id() + "." + Rng.of(1, call.accountId(), call.region()).hex(12) + "."
                            + call.region() + ".rds.amazonaws.com")
                    .element("Port", db.port())
                    .element("HostedZoneId", "Z" + Rng.of(2, call.region()).hex(12).toUpperCase(Locale.ROOT))
                    .end()
                    .element("AllocatedStorage", db.allocatedStorage())
                    .element("InstanceCreateTime", db.created())
                    .element("PreferredBackupWindow", "03:00-03:30")
                    .element("BackupRetentionPeriod", db.backupRetentionPeriod())
                    .start("DBSecurityGroups").end()
                    .list("VpcSecurityGroups", "VpcSecurityGroupMembership", db.securityGroups(), (group, id) -> group
                            .element("VpcSecurityGroupId", id).element("Status", "active"))
                    .element("AvailabilityZone", db.availabilityZone())
                    .start("DBSubnetGroup")
                    .element("DBSubnetGroupName", "default-" + db.vpcId())
                    .element("DBSubnetGroupDescription", "Created from the RDS Management Console")
                    .element("VpcId", db.vpcId())
                    .element("SubnetGroupStatus", "Complete")
                    .end()
                    .element("PreferredMaintenanceWindow", "sun:05:00-sun:05:30")
                    .element("MultiAZ", db.multiAz())
                    .element("EngineVersion", db.engineVersion())
                    .element("AutoMinorVersionUpgrade", true)
                    .element("LicenseModel", db.engine().startsWith("postgres") ? "postgresql-license"
                            : "general-public-license")
                    .element("PubliclyAccessible", db.publiclyAccessible())
                    .element("StorageType", "gp3")
                    .element("DbInstancePort", 0)
                    .element("StorageEncrypted", db.storageEncrypted())
                    .element("KmsKeyId", db.storageEncrypted()
                            ? "arn:aws:kms:" + call.region() + ":" + call.accountId() + ":key/"
                            + Ids.uuid(call.accountId(), call.region(), "aws/rds") : null)
                    .element("DbiResourceId", resourceId(db))
                    .element("CACertificateIdentifier", "rds-ca-rsa2048-g1")
                    .element("CopyTagsToSnapshot", false)
                    .element("MonitoringInterval", 0)
                    .element("DBInstanceArn", arn(db, call))
                    .element("IAMDatabaseAuthenticationEnabled", false)
                    .element("PerformanceInsightsEnabled", false)
                    .element("DeletionProtection", db.deletionProtection())
                    .list("TagList", "Tag", db.tags(), (tag, t) -> tag.element("Key", t.key()).element("Value", t.value()))
                    .element("NetworkType", "IPV4"));
            xml.element("Marker", page.nextToken());
        });
    }

    private static String arn(DbInstance db, Call call) {
        return "arn:aws:rds:" + call.region() + ":" + call.accountId() + ":db:" + db.id();
    }

    private static String resourceId(DbInstance db) {
        return "db-" + Rng.of(3, db.id()).hex(26).toUpperCase(Locale.ROOT);
    }
}
