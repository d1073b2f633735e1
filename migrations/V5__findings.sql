-- Findings: one row per (tenant, fingerprint) for check results, GuardDuty findings and CloudTrail events
-- that deserve attention, with their lifecycle history, tenant-defined suppression rules and incidents
-- (correlated findings). Severity is stored as its rank (0 INFORMATIONAL … 4 CRITICAL) so that
-- "severity ≥ HIGH" and "worst first" are plain index comparisons.

-- Suppression rules: every non-null field must match (check id and resource id are globs with *);
-- a rule past its expiry no longer applies and the findings it held return to OPEN.
create table suppression (
    id                uuid primary key,
    tenant_id         uuid not null references tenant (id) on delete cascade,
    check_id          text,
    resource_pattern  text,
    account_id        text check (account_id ~ '^[0-9]{12}$'),
    region            text,
    reason            text not null check (length(reason) between 1 and 1000),
    expires_at        timestamptz,
    created_by        text not null,
    created_at        timestamptz not null default now(),
    revoked_at        timestamptz
);
create index suppression_tenant_idx on suppression (tenant_id, created_at desc);
call protect_tenant_table('suppression');

-- Incidents: findings of one account that together tell one story (a compromise signal and the
-- watcher being blinded or recovery destroyed within a window).
create table incident (
    id              uuid primary key,
    tenant_id       uuid not null references tenant (id) on delete cascade,
    aws_account_id  uuid not null references aws_account (id) on delete cascade,
    account_id      text not null check (account_id ~ '^[0-9]{12}$'),
    kind            text not null,
    severity        smallint not null check (severity between 0 and 4),
    title           text not null,
    status          text not null check (status in ('OPEN', 'RESOLVED')),
    first_event_at  timestamptz not null,
    last_event_at   timestamptz not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    resolved_at     timestamptz,
    version         bigint not null default 0
);
create index incident_tenant_idx on incident (tenant_id, status, last_event_at desc);
create index incident_account_idx on incident (aws_account_id, kind) where status = 'OPEN';
call protect_tenant_table('incident');

create table finding (
    id                 uuid primary key,
    tenant_id          uuid not null references tenant (id) on delete cascade,
    aws_account_id     uuid not null references aws_account (id) on delete cascade,
    account_id         text not null check (account_id ~ '^[0-9]{12}$'),
    -- the resource's region ('global' for account-wide resources)
    region             text not null,
    -- the region of the collection scope that reports it: what a full-snapshot sweep matches on
    scope_region       text not null,
    source             text not null,
    -- CHECK results are swept by full snapshots; GUARDDUTY and TRAIL_EVENT findings arrive incrementally
    origin             text not null check (origin in ('CHECK', 'GUARDDUTY', 'TRAIL_EVENT')),
    -- check id, GuardDuty finding type, or <event kind>:<event name>
    check_id           text not null,
    fingerprint        text not null,
    category           text not null check (category in ('threat-detection', 'logging', 'exposure', 'identity', 'backup-recovery')),
    severity           smallint not null check (severity between 0 and 4),
    title              text not null,
    description        text not null,
    resource_type      text not null,
    resource_id        text not null,
    evidence           jsonb not null default '{}'::jsonb,
    evidence_hash      text not null,
    occurrences        int not null default 1,
    -- when it happened (GuardDuty createdAt, CloudTrail eventTime); null for check results
    occurred_at        timestamptz,
    status             text not null check (status in ('OPEN', 'RESOLVED', 'SUPPRESSED')),
    suppression_id     uuid references suppression (id) on delete set null,
    -- a person's suppression of this one finding (bulk action), as opposed to a rule
    suppressed_reason  text,
    suppressed_until   timestamptz,
    suppressed_by      text,
    first_seen         timestamptz not null,
    last_seen          timestamptz not null,
    seen_run           uuid,
    resolved_at        timestamptz,
    reopened_count     int not null default 0,
    assignee           text,
    incident_id        uuid references incident (id) on delete set null,
    version            bigint not null default 0,
    unique (tenant_id, fingerprint)
);
-- the explorer's default views: open findings worst first, newest first, per account
create index finding_status_severity_idx on finding (tenant_id, status, severity desc, last_seen desc, id desc);
create index finding_last_seen_idx on finding (tenant_id, last_seen desc, id desc);
create index finding_account_idx on finding (tenant_id, account_id, status);
-- the sweep of one scope and the correlation of one account
create index finding_scope_idx on finding (aws_account_id, scope_region, source) where status <> 'RESOLVED';
create index finding_incident_idx on finding (incident_id) where incident_id is not null;
call protect_tenant_table('finding');

-- Lifecycle history: one row per change, never rewritten by the store.
create table finding_event (
    id          bigserial primary key,
    tenant_id   uuid not null references tenant (id) on delete cascade,
    finding_id  uuid not null references finding (id) on delete cascade,
    at          timestamptz not null default now(),
    type        text not null check (type in ('CREATED', 'UPDATED', 'RESOLVED', 'REOPENED', 'SUPPRESSED',
                                              'COMMENTED', 'ASSIGNED')),
    actor       text not null,
    detail      jsonb not null default '{}'::jsonb
);
create index finding_event_finding_idx on finding_event (finding_id, id);
call protect_tenant_table('finding_event');
