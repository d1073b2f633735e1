-- Tenancy: the second wall between tenants (row-level security), API tokens, invitations, support
-- access and the tamper-evident audit log.
--
-- Every tenant-owned table gets ENABLE + FORCE row-level security and two policies:
--   tenant_isolation  for the application role: only rows of the tenant named by the per-transaction
--                     setting cloudward.tenant_id (set by Cloudward from the authenticated tenant);
--   platform_access   for the owner role, which runs migrations and platform jobs (scheduler, outbox)
--                     that work across tenants. FORCE makes even the owner go through a policy.

create function current_tenant() returns uuid
    language sql stable
as $$ select nullif(current_setting('cloudward.tenant_id', true), '')::uuid $$;

create procedure protect_tenant_table(tbl regclass)
    language plpgsql
as $$
begin
    execute format('alter table %s enable row level security', tbl);
    execute format('alter table %s force row level security', tbl);
    execute format('create policy tenant_isolation on %s to ${appRole} using (tenant_id = current_tenant()) with check (tenant_id = current_tenant())', tbl);
    execute format('create policy platform_access on %s to current_user using (true) with check (true)', tbl);
end
$$;

-- The tenant row itself: the application sees only the current tenant's row.
alter table tenant enable row level security;
alter table tenant force row level security;
create policy tenant_isolation on tenant to ${appRole} using (id = current_tenant()) with check (id = current_tenant());
create policy platform_access on tenant to current_user using (true) with check (true);

call protect_tenant_table('member');
call protect_tenant_table('aws_account');

-- API tokens: shown once, stored as a SHA-256 hash, bound to a role no higher than the creator's.
create table api_token (
    id            uuid primary key,
    tenant_id     uuid not null references tenant (id) on delete cascade,
    name          text not null check (length(name) between 1 and 100),
    role          text not null check (role in ('OWNER', 'ADMIN', 'ANALYST', 'VIEWER')),
    prefix        text not null,
    token_hash    text not null unique,
    created_by    text not null,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
create index api_token_tenant_idx on api_token (tenant_id, created_at desc);
call protect_tenant_table('api_token');

-- Invitations: single use, expiring; the link carries a secret whose hash is stored.
create table invitation (
    id           uuid primary key,
    tenant_id    uuid not null references tenant (id) on delete cascade,
    email        text not null,
    role         text not null check (role in ('OWNER', 'ADMIN', 'ANALYST', 'VIEWER')),
    token_hash   text not null unique,
    created_by   text not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    accepted_at  timestamptz,
    accepted_by  text,
    revoked_at   timestamptz
);
create index invitation_tenant_idx on invitation (tenant_id, created_at desc);
call protect_tenant_table('invitation');

-- Time-boxed support access an OWNER grants to platform operators.
create table support_grant (
    id          uuid primary key,
    tenant_id   uuid not null references tenant (id) on delete cascade,
    granted_by  text not null,
    reason      text not null,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    revoked_at  timestamptz
);
call protect_tenant_table('support_grant');

-- Audit log: append-only for the application (no update, no delete), hash-chained per tenant by a
-- trigger so that the order and content of every entry can be verified.
create table audit_event (
    seq          bigserial primary key,
    tenant_id    uuid not null references tenant (id) on delete cascade,
    at           timestamptz not null default clock_timestamp(),
    actor        text not null,
    actor_type   text not null check (actor_type in ('USER', 'API_TOKEN', 'SYSTEM', 'OPERATOR')),
    action       text not null,
    target_type  text,
    target_id    text,
    outcome      text not null default 'OK' check (outcome in ('OK', 'DENIED')),
    summary      jsonb not null default '{}'::jsonb,
    ip           text,
    user_agent   text,
    prev_hash    text not null,
    hash         text not null
);
create index audit_event_tenant_idx on audit_event (tenant_id, seq desc);
call protect_tenant_table('audit_event');
revoke update, delete, truncate on audit_event from ${appRole};

create function audit_event_digest(e audit_event) returns text
    language sql immutable
as $$
    select encode(sha256(convert_to(concat_ws('|',
        e.prev_hash, e.seq, e.tenant_id, to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        e.actor, e.actor_type, e.action, coalesce(e.target_type, ''), coalesce(e.target_id, ''), e.outcome,
        e.summary::text, coalesce(e.ip, ''), coalesce(e.user_agent, '')), 'UTF8')), 'hex')
$$;

create function audit_event_chain() returns trigger
    language plpgsql
as $$
begin
    -- One writer per tenant at a time, so two concurrent entries cannot both follow the same parent.
    -- The sequence number and time are taken under the lock so that they follow the chain order.
    perform pg_advisory_xact_lock(hashtextextended(new.tenant_id::text, 7));
    new.seq := nextval(pg_get_serial_sequence('audit_event', 'seq'));
    new.at := clock_timestamp();
    select hash into new.prev_hash from audit_event where tenant_id = new.tenant_id order by seq desc limit 1;
    new.prev_hash := coalesce(new.prev_hash, 'genesis');
    new.hash := audit_event_digest(new);
    return new;
end
$$;

create trigger audit_event_chain before insert on audit_event
    for each row execute function audit_event_chain();

-- The first entry whose stored hash or parent link does not match its content (null when intact).
create function audit_first_broken(t uuid) returns bigint
    language sql stable
as $$
    select seq from (
        select e.seq, e.hash, e.prev_hash, audit_event_digest(e) as expected,
               coalesce(lag(e.hash) over (order by e.seq), 'genesis') as parent
        from audit_event e where e.tenant_id = t
    ) chain
    where hash <> expected or prev_hash <> parent
    order by seq limit 1
$$;
