-- Onboarding: the ExternalId a tenant is given before its role exists, organisations connected through a
-- StackSet, and what verification learnt about each account (status, per-capability permissions, regions,
-- whether the role's trust policy is open to the confused-deputy problem).

-- Step 1 of "connect an account": Cloudward generates the ExternalId the customer's stack will demand.
-- The row lives until an account (or organisation) is connected with it or it expires.
create table connection_intent (
    id           uuid primary key,
    tenant_id    uuid not null references tenant (id) on delete cascade,
    kind         text not null check (kind in ('ACCOUNT', 'ORGANIZATION')),
    external_id  text not null unique check (length(external_id) >= 32),
    created_by   text not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null
);
create index connection_intent_tenant_idx on connection_intent (tenant_id, created_at desc);
call protect_tenant_table('connection_intent');

-- An AWS organisation whose management account role lists the member accounts; members get the role
-- from the StackSet, all with the organisation's one ExternalId.
create table aws_organization (
    id                   uuid primary key,
    tenant_id            uuid not null references tenant (id) on delete cascade,
    organization_id      text not null check (organization_id ~ '^o-[a-z0-9]{10,32}$'),
    management_account   text not null check (management_account ~ '^[0-9]{12}$'),
    management_role_arn  text not null,
    member_role_name     text not null,
    external_id          text not null unique,
    created_at           timestamptz not null default now(),
    unique (tenant_id, organization_id)
);
call protect_tenant_table('aws_organization');

-- Several members of one organisation share its ExternalId, so it is no longer unique per account.
alter table aws_account drop constraint aws_account_external_id_key;
create index aws_account_external_id_idx on aws_account (external_id);

alter table aws_account
    add column organization_id    uuid references aws_organization (id) on delete set null,
    add column partition          text not null default 'aws' check (partition in ('aws', 'aws-us-gov', 'aws-cn')),
    add column status_detail      text,
    add column trust_open         boolean not null default false,
    add column capabilities       jsonb not null default '{}'::jsonb,
    add column verification       jsonb not null default '[]'::jsonb,
    add column enabled_regions    text[] not null default '{}',
    add column last_verified_at   timestamptz,
    add column next_external_id   text,
    add column purge_after        timestamptz,
    add column version            bigint not null default 0,
    alter column role_arn set not null,
    add constraint aws_account_status_check
        check (status in ('PENDING', 'CONNECTED', 'DEGRADED', 'FAILING', 'DISCONNECTED'));
create index aws_account_purge_idx on aws_account (purge_after) where purge_after is not null;
