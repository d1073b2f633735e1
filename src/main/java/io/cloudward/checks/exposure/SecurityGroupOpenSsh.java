package io.cloudward.checks.exposure;

import io.cloudward.collect.snapshot.SecurityGroupFacts;

import java.util.List;

/** Remote shell access is the most scanned door on the internet. */
public final class SecurityGroupOpenSsh extends SecurityGroupInternetCheck {

    public SecurityGroupOpenSsh() {
        super("SSH (port 22)");
    }

    @Override
    List<InternetIngress.Opening> openings(SecurityGroupFacts group) {
        return InternetIngress.toPorts(group, ServicePort.SSH);
    }
}
