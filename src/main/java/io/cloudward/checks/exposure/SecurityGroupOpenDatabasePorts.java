package io.cloudward.checks.exposure;

import io.cloudward.collect.snapshot.SecurityGroupFacts;

import java.util.List;

/** Databases and caches are meant to be reached by applications, not the internet. */
public final class SecurityGroupOpenDatabasePorts extends SecurityGroupInternetCheck {

    public SecurityGroupOpenDatabasePorts() {
        super("database ports");
    }

    @Override
    List<InternetIngress.Opening> openings(SecurityGroupFacts group) {
        return InternetIngress.toPorts(group, ServicePort.DATABASES);
    }
}
