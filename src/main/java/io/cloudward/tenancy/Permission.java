package io.cloudward.tenancy;

/**
 * What a member may do in a tenant. Sensitive permissions also need a session authenticated with a
 * second factor (the Code Spaces lesson: the console is where the company was lost).
 */
public enum Permission {
    TENANT_READ("See the tenant's accounts, findings, scores, incidents and scans", false),
    FINDINGS_TRIAGE("Suppress, assign, comment on and resolve findings", false),
    SCAN_RUN("Start and cancel scans", false),
    ACCOUNTS_MANAGE("Connect, re-verify and configure AWS accounts", false),
    ACCOUNTS_DELETE("Remove AWS accounts and their data", true),
    INTEGRATIONS_MANAGE("Change integrations and alert destinations", true),
    ALERT_RULES_MANAGE("Create and change alert rules and schedules", false),
    API_TOKENS_MANAGE("Create and revoke API tokens", true),
    AUDIT_READ("Read and export the audit log", false),
    MEMBERS_READ("See who is a member and with which role", false),
    MEMBERS_MANAGE("Invite members, change roles, remove members", true),
    SUPPORT_GRANT("Grant platform operators time-boxed support access", true),
    TENANT_DELETE("Delete the tenant", true);

    private final String description;
    private final boolean sensitive;

    Permission(String description, boolean sensitive) {
        this.description = description;
        this.sensitive = sensitive;
    }

    public String description() {
        return description;
    }

    /** Sensitive actions need a session that was authenticated with a second factor. */
    public boolean sensitive() {
        return sensitive;
    }
}
