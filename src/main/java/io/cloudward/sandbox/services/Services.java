package io.cloudward.sandbox.services;

import java.util.List;

/** Every simulated AWS service. */
public final class Services {

    private Services() {
    }

    public static List<AwsService> all(ServiceContext context) {
        return List.of(
                new StsService(context),
                new IamService(context),
                new Ec2Service(context),
                new RdsService(),
                new S3Service(),
                new GuardDutyService(),
                new CloudTrailService(),
                new ConfigService(),
                new BackupService(),
                new OrganizationsService(context));
    }
}
