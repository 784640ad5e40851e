-- One row per e-mail to send. Written in the same transaction as the inbox's handled-event row,
-- so an event yields exactly one delivery; the sender works through pending rows afterwards.
create table delivery (
    id              uuid primary key,
    event_id        varchar(255) not null unique,
    kind            varchar(50)  not null,
    recipient       varchar(320) not null,
    data            jsonb        not null,
    status          varchar(10)  not null default 'PENDING'
                    check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    last_error      text,
    created_at      timestamptz  not null default now(),
    sent_at         timestamptz
);

-- the sender only ever looks at what is due
create index delivery_due on delivery (next_attempt_at, id) where status = 'PENDING';
