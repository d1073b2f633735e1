package io.cloudward.checks.exposure;

import io.cloudward.collect.snapshot.SecurityGroupFacts;

import java.util.List;

/** Telnet, FTP, SMB, VNC, WinRM, Docker and Kubernetes APIs hand over a host when reachable. */
public final class SecurityGroupOpenAdminServicePorts extends SecurityGroupInternetCheck {

    public SecurityGroupOpenAdminServicePorts() {
        super("remote administration and file-sharing ports");
    }

    @Override
    List<InternetIngress.Opening> openings(SecurityGroupFacts group) {
        return InternetIngress.toPorts(group, ServicePort.ADMIN_SERVICES);
    }
}
