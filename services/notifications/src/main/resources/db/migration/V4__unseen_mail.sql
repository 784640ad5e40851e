-- Optional mail about a notification not seen (read) within a configured time: a per-member switch
-- (off by default), and on each entry the time it was mailed, so that it is mailed once at most.
alter table mail_preference add column unseen boolean not null default false;
alter table notification add column unseen_mailed_at timestamptz;
create index notification_unseen on notification (updated_at) where not read and unseen_mailed_at is null;
