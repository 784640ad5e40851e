-- Shipped by platform/outbox; every producing or consuming service migrates it into its own
-- schema by listing db/chorus-outbox in quarkus.flyway.locations.

-- Column layout of Debezium's outbox event router (id, aggregatetype, aggregateid, type,
-- payload), so a large deployment can replace the relay with CDC without touching producers.
-- aggregatetype holds the topic, aggregateid the record key, type the CloudEvents type.
create table outbox_event (
    id            uuid primary key,
    aggregatetype varchar(255) not null,
    aggregateid   varchar(255) not null,
    type          varchar(255) not null,
    payload       jsonb        not null,
    created_at    timestamptz  not null default now(),
    sent_at       timestamptz,
    attempts      integer      not null default 0,
    last_error    text
);

-- the relay only ever looks at what is still to be sent
create index outbox_event_pending on outbox_event (created_at, id) where sent_at is null;

-- One row per event a consumer has handled, written in the same transaction as its effect,
-- so a redelivered event has no second effect.
create table handled_event (
    consumer   varchar(100) not null,
    event_id   varchar(255) not null,
    handled_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
