package io.cloudward.checks.exposure;

import java.util.List;

/** A port a known service listens on, e.g. 5432/tcp PostgreSQL. */
record ServicePort(int port, String protocol, String service) {

    static ServicePort tcp(int port, String service) {
        return new ServicePort(port, "tcp", service);
    }

    static ServicePort udp(int port, String service) {
        return new ServicePort(port, "udp", service);
    }

    /** "port 5432 (PostgreSQL)", with the protocol only for UDP, which is the exception. */
    String describe() {
        return "port " + port + (protocol.equals("udp") ? "/udp" : "") + " (" + service + ")";
    }

    static final List<ServicePort> SSH = List.of(tcp(22, "SSH"));

    static final List<ServicePort> RDP = List.of(tcp(3389, "RDP"), udp(3389, "RDP"));

    static final List<ServicePort> DATABASES = List.of(
            tcp(1433, "SQL Server"), tcp(1521, "Oracle"), tcp(2379, "etcd"), tcp(3306, "MySQL/MariaDB"),
            tcp(5432, "PostgreSQL"), tcp(5439, "Redshift"), tcp(5984, "CouchDB"), tcp(6379, "Redis"),
            tcp(8086, "InfluxDB"), tcp(9042, "Cassandra"), tcp(9200, "Elasticsearch/OpenSearch"),
            tcp(9300, "Elasticsearch transport"), tcp(11211, "Memcached"), udp(11211, "Memcached"),
            tcp(27017, "MongoDB"));

    static final List<ServicePort> ADMIN_SERVICES = List.of(
            tcp(20, "FTP data"), tcp(21, "FTP"), tcp(23, "Telnet"), tcp(135, "Windows RPC"), tcp(139, "NetBIOS"),
            tcp(445, "SMB"), tcp(2049, "NFS"), tcp(2375, "Docker API"), tcp(2376, "Docker API over TLS"),
            tcp(5900, "VNC"), tcp(5985, "WinRM"), tcp(5986, "WinRM over HTTPS"), tcp(6443, "Kubernetes API"),
            tcp(10250, "Kubelet API"));
}
