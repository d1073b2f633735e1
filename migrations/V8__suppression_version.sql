-- Suppression rules get a version for ETag / If-Match (no lost updates when two people edit one rule).
alter table suppression add column version bigint not null default 0;

-- Idempotency-Key: the first response to a create, replayed when the same principal sends the same key
-- again within 24 hours (a client retrying after a timeout must not create a second rule).
-- status 0 marks a request still in flight; its row lock makes a concurrent duplicate wait.
create table idempotency_key (
    tenant_id     uuid not null references tenant (id) on delete cascade,
    principal     text not null,
    idem_key      text not null check (length(idem_key) between 1 and 255),
    request_hash  text not null,
    status        int not null default 0,
    location      text,
    body          text,
    created_at    timestamptz not null default now(),
    primary key (tenant_id, principal, idem_key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);
call protect_tenant_table('idempotency_key');
