-- The web app's bounded reads: "what changed in the last 24 h" (finding history by time) and each account's
-- latest scan run (one index probe per account instead of walking the tenant's run history).
create index finding_event_tenant_at_idx on finding_event (tenant_id, at desc);
create index scan_run_account_idx on scan_run (aws_account_id, seq desc);
