-- Runs once, when the compose PostgreSQL starts on an empty volume (docker-entrypoint-initdb.d).
-- Cloudward's two roles, as in production: the owner runs the migrations and owns the schema; the
-- application role only reads and writes rows, so row-level security applies to it (no BYPASSRLS).
-- Passwords are for this local stack only.
create role cloudward_owner login password 'cloudward_owner' nosuperuser nobypassrls;
create role cloudward_app login password 'cloudward_app' nosuperuser nobypassrls;
create database cloudward owner cloudward_owner;
