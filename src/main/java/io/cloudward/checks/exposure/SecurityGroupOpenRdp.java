package io.cloudward.checks.exposure;

import io.cloudward.collect.snapshot.SecurityGroupFacts;

import java.util.List;

/** Remote Desktop is brute-forced and exploited minutes after it appears online. */
public final class SecurityGroupOpenRdp extends SecurityGroupInternetCheck {

    public SecurityGroupOpenRdp() {
        super("RDP (port 3389)");
    }

    @Override
    List<InternetIngress.Opening> openings(SecurityGroupFacts group) {
        return InternetIngress.toPorts(group, ServicePort.RDP);
    }
}
