-- Outbox: every state change writes its event here in the same transaction; a publisher moves the rows
-- to Kafka after commit (at least once, in id order) and marks them published. Consumers deduplicate
-- by event_id.
create table outbox_event (
    id             bigserial primary key,
    event_id       uuid not null unique,
    tenant_id      uuid not null references tenant (id) on delete cascade,
    topic          text not null,
    partition_key  text not null,
    type           text not null,
    version        int not null default 1,
    payload        jsonb not null,
    created_at     timestamptz not null default now(),
    published_at   timestamptz,
    attempts       int not null default 0,
    last_error     text
);
create index outbox_event_pending_idx on outbox_event (id) where published_at is null;
create index outbox_event_tenant_idx on outbox_event (tenant_id, id);
call protect_tenant_table('outbox_event');
