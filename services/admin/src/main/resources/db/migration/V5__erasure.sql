-- erasure requests: one per deleted user, with the services whose confirmation it waits for
create table erasure_request (
    user_id      uuid primary key,
    requested_at timestamptz not null
);

create table erasure_expected (
    user_id uuid not null references erasure_request (user_id) on delete cascade,
    service text not null,
    primary key (user_id, service)
);

-- confirmations stand alone: one may arrive before its request (other topic, so unordered) and is applied then
create table erasure_confirmation (
    user_id      uuid not null,
    service      text not null,
    confirmed_at timestamptz not null,
    primary key (user_id, service)
);

create index erasure_request_keyset on erasure_request (requested_at desc, user_id desc);
