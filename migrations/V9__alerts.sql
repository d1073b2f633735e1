-- Alerts: tenant rules route outbox events (read back from Kafka) to destinations; a delivery row is one
-- message to one destination, sent by any instance's worker with retries, its attempts logged.

-- Destinations: public settings in clear, secrets (tokens, keyed webhook URLs) AES-GCM encrypted with
-- the key from cloudward.secrets.key, bound to the row by tenant and id.
create table alert_destination (
    id               uuid primary key,
    tenant_id        uuid not null references tenant (id) on delete cascade,
    name             text not null check (length(name) between 1 and 100),
    kind             text not null check (kind in ('WEBHOOK', 'SLACK', 'TEAMS', 'PAGERDUTY', 'JIRA', 'SERVICENOW')),
    settings         jsonb not null default '{}',
    secrets          text,
    timeout_seconds  int not null default 10 check (timeout_seconds between 1 and 30),
    enabled          boolean not null default true,
    version          bigint not null default 1,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index alert_destination_tenant_idx on alert_destination (tenant_id, name);
call protect_tenant_table('alert_destination');

-- Rules: ordered; match and action kept as JSON documents (AlertMatch, AlertAction records).
create table alert_rule (
    id          uuid primary key,
    tenant_id   uuid not null references tenant (id) on delete cascade,
    name        text not null check (length(name) between 1 and 100),
    position    int not null,
    enabled     boolean not null default true,
    match       jsonb not null,
    action      jsonb not null,
    builtin     text,
    version     bigint not null default 1,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index alert_rule_tenant_idx on alert_rule (tenant_id, position);
call protect_tenant_table('alert_rule');

-- A tenant whose default rules were created (once: deleting them must not bring them back).
create table alert_defaults (
    tenant_id   uuid primary key references tenant (id) on delete cascade,
    created_at  timestamptz not null default now()
);
call protect_tenant_table('alert_defaults');

-- Idempotent consumers: an event id is processed once per consumer, in the transaction of its effects.
create table processed_event (
    consumer      text not null,
    event_id      uuid not null,
    tenant_id     uuid not null references tenant (id) on delete cascade,
    processed_at  timestamptz not null default now(),
    primary key (consumer, event_id)
);
create index processed_event_age_idx on processed_event (processed_at);
call protect_tenant_table('processed_event');

-- One message to one destination. seq orders the deliveries of one ticket (order_key) at a destination:
-- a resolve is never sent before the create it follows.
create table alert_delivery (
    id               uuid primary key,
    seq              bigserial not null,
    tenant_id        uuid not null references tenant (id) on delete cascade,
    destination_id   uuid not null references alert_destination (id) on delete cascade,
    rule_id          uuid references alert_rule (id) on delete set null,
    kind             text not null check (kind in ('EVENT', 'FOLLOW_UP', 'DIGEST', 'TEST')),
    event_id         uuid,
    event_type       text,
    account_id       text,
    order_key        text,
    payload          jsonb not null,
    extra_count      int not null default 0,
    status           text not null default 'PENDING' check (status in ('PENDING', 'SENDING', 'DELIVERED', 'DEAD')),
    attempts         int not null default 0,
    next_attempt_at  timestamptz not null default now(),
    lease_until      timestamptz,
    last_error       text,
    created_at       timestamptz not null default now(),
    delivered_at     timestamptz,
    dead_at          timestamptz
);
create index alert_delivery_due_idx on alert_delivery (next_attempt_at) where status in ('PENDING', 'SENDING');
create index alert_delivery_order_idx on alert_delivery (destination_id, order_key, seq) where status in ('PENDING', 'SENDING');
create index alert_delivery_dead_idx on alert_delivery (tenant_id, dead_at desc) where status = 'DEAD';
create unique index alert_delivery_once_idx on alert_delivery (destination_id, event_id, kind) where event_id is not null;
call protect_tenant_table('alert_delivery');

-- The delivery log: every attempt, its outcome and a sanitized excerpt of the answer (at most 2 KB).
create table delivery_attempt (
    id                bigserial primary key,
    tenant_id         uuid not null references tenant (id) on delete cascade,
    delivery_id       uuid not null references alert_delivery (id) on delete cascade,
    destination_id    uuid not null references alert_destination (id) on delete cascade,
    attempted_at      timestamptz not null default now(),
    outcome           text not null,
    http_status       int,
    latency_ms        int not null,
    response_excerpt  text check (length(response_excerpt) <= 2048)
);
create index delivery_attempt_destination_idx on delivery_attempt (tenant_id, destination_id, id desc);
call protect_tenant_table('delivery_attempt');

-- Throttle: at most one message per rule × account per window; the events held back are counted into
-- the next message.
create table alert_throttle (
    tenant_id     uuid not null references tenant (id) on delete cascade,
    rule_id       uuid not null references alert_rule (id) on delete cascade,
    account_id    text not null,
    window_until  timestamptz not null,
    held_back     int not null default 0,
    primary key (rule_id, account_id)
);
call protect_tenant_table('alert_throttle');

-- Digest: matching events counted per rule and period, sent as one summary when the period ends.
create table alert_digest (
    tenant_id     uuid not null references tenant (id) on delete cascade,
    rule_id       uuid not null references alert_rule (id) on delete cascade,
    period_start  timestamptz not null,
    period_end    timestamptz not null,
    events        int not null default 0,
    by_type       jsonb not null default '{}',
    samples       jsonb not null default '[]',
    sent_at       timestamptz,
    primary key (rule_id, period_start)
);
create index alert_digest_due_idx on alert_digest (period_end) where sent_at is null;
call protect_tenant_table('alert_digest');

-- A ticket (Jira issue, ServiceNow incident, PagerDuty alert) opened for a finding or incident at a
-- destination, so that its later changes update, resolve or reopen that ticket.
create table ticket_link (
    tenant_id       uuid not null references tenant (id) on delete cascade,
    destination_id  uuid not null references alert_destination (id) on delete cascade,
    ticket_key      text not null,
    external_id     text,
    external_ref    text,
    state           text not null check (state in ('OPEN', 'RESOLVED')),
    updated_at      timestamptz not null default now(),
    primary key (destination_id, ticket_key)
);
call protect_tenant_table('ticket_link');
