-- The session that asked for an e-mail change: it survives the confirmation, every other ends.
alter table one_time_token add column session_id uuid;
