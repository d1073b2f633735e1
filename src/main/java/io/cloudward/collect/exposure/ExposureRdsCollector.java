package io.cloudward.collect.exposure;

import io.cloudward.collect.AwsSourceCollector;
import io.cloudward.collect.FactSink;
import io.cloudward.collect.Source;
import io.cloudward.collect.SourceRun;
import io.cloudward.collect.snapshot.DbInstanceFacts;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.Endpoint;

/** RDS DB instances: public, encrypted, deletion protection, backup retention. */
public final class ExposureRdsCollector extends AwsSourceCollector {

    @Override
    public Source source() {
        return Source.EXPOSURE_RDS;
    }

    @Override
    protected void collect(SourceRun run, FactSink sink) {
        eachDbInstance(run, instance -> sink.snapshot(instance));
    }

    /** Streams the region's DB instances page by page (100, RDS's largest page); also used for backup coverage. */
    public static void eachDbInstance(SourceRun run, Consumer<DbInstanceFacts> consumer) {
        RdsClient rds = run.clients().rds(run.sdkRegion());
        String marker = null;
        do {
            String pageMarker = marker;
            DescribeDbInstancesResponse page = run.call("rds:DescribeDBInstances",
                    () -> rds.describeDBInstances(request -> request.maxRecords(100).marker(pageMarker)));
            page.dbInstances().forEach(instance -> consumer.accept(facts(run.region(), instance)));
            run.seen(page.dbInstances().size());
            marker = page.marker();
        } while (marker != null && !marker.isEmpty());
    }

    static DbInstanceFacts facts(String region, DBInstance db) {
        Optional<Endpoint> endpoint = Optional.ofNullable(db.endpoint());
        return new DbInstanceFacts(db.dbInstanceIdentifier(), db.dbInstanceArn(), region, db.engine(),
                db.dbInstanceStatus(), Boolean.TRUE.equals(db.publiclyAccessible()), Boolean.TRUE.equals(db.storageEncrypted()),
                Boolean.TRUE.equals(db.deletionProtection()), db.backupRetentionPeriod() == null ? 0 : db.backupRetentionPeriod(),
                Optional.ofNullable(db.dbClusterIdentifier()), endpoint.map(Endpoint::address), endpoint.map(Endpoint::port));
    }
}
