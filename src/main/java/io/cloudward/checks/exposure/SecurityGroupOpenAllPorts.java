package io.cloudward.checks.exposure;

import io.cloudward.collect.snapshot.SecurityGroupFacts;

import java.util.List;

/** A rule that opens every port to the internet turns any forgotten service into an open door. */
public final class SecurityGroupOpenAllPorts extends SecurityGroupInternetCheck {

    public SecurityGroupOpenAllPorts() {
        super("traffic on every port");
    }

    @Override
    List<InternetIngress.Opening> openings(SecurityGroupFacts group) {
        return InternetIngress.toAllPorts(group);
    }
}
