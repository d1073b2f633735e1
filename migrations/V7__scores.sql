-- Scores: one snapshot per day per account (and one per tenant, account null) for the 90-day trend, and the
-- score each account last announced, from which a change beyond the threshold is measured (one event per change).

create table score_snapshot (
    id                uuid primary key default gen_random_uuid(),
    tenant_id         uuid not null references tenant (id) on delete cascade,
    -- null: the tenant's own score
    aws_account_id    uuid references aws_account (id) on delete cascade,
    day               date not null,
    overall           smallint not null check (overall between 0 and 100),
    -- category slug -> score 0-100
    categories        jsonb not null default '{}'::jsonb,
    capped            boolean not null default false,
    -- the Security-Hub-style figure's terms (passed ÷ with data); null before any data
    checks_passed     int,
    checks_with_data  int,
    updated_at        timestamptz not null default now(),
    -- one row per tenant, account and day, the tenant's own row included (its account is null)
    constraint score_snapshot_day unique nulls not distinct (tenant_id, aws_account_id, day)
);
create index score_snapshot_trend_idx on score_snapshot (tenant_id, aws_account_id, day desc);
create index score_snapshot_day_idx on score_snapshot (day);
call protect_tenant_table('score_snapshot');

create table score_baseline (
    tenant_id       uuid not null references tenant (id) on delete cascade,
    aws_account_id  uuid not null references aws_account (id) on delete cascade,
    overall         smallint not null check (overall between 0 and 100),
    updated_at      timestamptz not null default now(),
    primary key (tenant_id, aws_account_id)
);
call protect_tenant_table('score_baseline');
