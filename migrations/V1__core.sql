-- Core tables every feature builds on. The schema is owned by the migration role; the application
-- role (${appRole}) only reads and writes rows. Later migrations add their own tables.

alter default privileges in schema public grant select, insert, update, delete on tables to ${appRole};
alter default privileges in schema public grant usage, select on sequences to ${appRole};
grant usage on schema public to ${appRole};

create table tenant (
    id          uuid primary key,
    slug        text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name        text not null check (length(name) between 1 and 200),
    created_at  timestamptz not null default now()
);

-- A person's role in one tenant. People live in Keycloak (subject = token "sub").
create table member (
    id          uuid primary key,
    tenant_id   uuid not null references tenant (id) on delete cascade,
    subject     text not null,
    email       text not null,
    name        text,
    role        text not null check (role in ('OWNER', 'ADMIN', 'ANALYST', 'VIEWER')),
    created_at  timestamptz not null default now(),
    unique (tenant_id, subject)
);
create index member_subject_idx on member (subject);

-- A connected AWS account (onboarding fills in the role and its verification).
create table aws_account (
    id           uuid primary key,
    tenant_id    uuid not null references tenant (id) on delete cascade,
    account_id   text not null check (account_id ~ '^[0-9]{12}$'),
    name         text not null,
    role_arn     text,
    external_id  text not null unique,
    status       text not null default 'PENDING',
    regions      text[] not null default '{}',
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    unique (tenant_id, account_id)
);
