-- Collection runs: schedules per account × source family, runs leased by instances through expiring leases,
-- one row per region × source of a run, and the incremental sources' watermarks.

-- A tenant's default intervals; missing rows mean Cloudward's defaults (threats 15 min, posture 6 h).
create table scan_schedule_default (
    tenant_id         uuid not null references tenant (id) on delete cascade,
    family            text not null check (family in ('THREATS', 'POSTURE')),
    interval_seconds  integer not null check (interval_seconds between 300 and 604800),
    primary key (tenant_id, family)
);
call protect_tenant_table('scan_schedule_default');

-- When each account's family is due next; interval_seconds null follows the tenant's default.
create table scan_schedule (
    tenant_id         uuid not null references tenant (id) on delete cascade,
    aws_account_id    uuid not null references aws_account (id) on delete cascade,
    family            text not null check (family in ('THREATS', 'POSTURE')),
    interval_seconds  integer check (interval_seconds between 300 and 604800),
    next_due_at       timestamptz not null,
    primary key (aws_account_id, family)
);
create index scan_schedule_due_idx on scan_schedule (next_due_at);
call protect_tenant_table('scan_schedule');

create table scan_run (
    id                 uuid primary key,
    -- keyset for "newest first" lists
    seq                bigint generated always as identity unique,
    tenant_id          uuid not null references tenant (id) on delete cascade,
    aws_account_id     uuid not null references aws_account (id) on delete cascade,
    account_id         text not null check (account_id ~ '^[0-9]{12}$'),
    family             text not null check (family in ('THREATS', 'POSTURE', 'ALL')),
    trigger            text not null check (trigger in ('SCHEDULE', 'MANUAL', 'CONNECT')),
    status             text not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED')),
    requested_by       text,
    created_at         timestamptz not null default now(),
    started_at         timestamptz,
    finished_at        timestamptz,
    -- the instance executing it; the lease is renewed by its heartbeat and taken over once expired
    lease_owner        text,
    lease_until        timestamptz,
    heartbeat_at       timestamptz,
    attempts           integer not null default 0,
    cancel_requested   boolean not null default false,
    sources_total      integer not null default 0,
    sources_done       integer not null default 0,
    api_calls          integer not null default 0,
    items              bigint not null default 0,
    findings_created   integer not null default 0,
    findings_updated   integer not null default 0,
    findings_resolved  integer not null default 0,
    findings_reopened  integer not null default 0,
    error              text
);
-- At most one queued or running run per account × family: creating runs is idempotent.
create unique index scan_run_active_idx on scan_run (aws_account_id, family) where status in ('QUEUED', 'RUNNING');
create index scan_run_claim_idx on scan_run (created_at) where status in ('QUEUED', 'RUNNING');
create index scan_run_tenant_idx on scan_run (tenant_id, seq desc);
call protect_tenant_table('scan_run');

create table scan_run_source (
    run_id             uuid not null references scan_run (id) on delete cascade,
    tenant_id          uuid not null references tenant (id) on delete cascade,
    region             text not null,
    source             text not null,
    status             text not null check (status in ('OK', 'PARTIAL', 'ACCESS_DENIED', 'THROTTLED', 'REGION_DISABLED', 'ERROR')),
    error_code         text,
    denied_action      text,
    message            text,
    api_calls          integer not null,
    items              bigint not null,
    duration_ms        bigint not null,
    findings_created   integer not null default 0,
    findings_resolved  integer not null default 0,
    finished_at        timestamptz not null default now(),
    primary key (run_id, region, source)
);
call protect_tenant_table('scan_run_source');

create table collection_watermark (
    tenant_id       uuid not null references tenant (id) on delete cascade,
    aws_account_id  uuid not null references aws_account (id) on delete cascade,
    region          text not null,
    source          text not null,
    mark            timestamptz not null,
    updated_at      timestamptz not null default now(),
    primary key (aws_account_id, region, source)
);
call protect_tenant_table('collection_watermark');

