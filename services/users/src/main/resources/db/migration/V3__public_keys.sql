-- Public keys a user publishes for end-to-end encrypted messages. Only the public half ever
-- reaches the server; it is stored as the client sent it (base64 of the raw or SPKI encoding).
create table public_key (
    id         uuid         primary key,
    user_id    uuid         not null references profile (id) on delete cascade,
    algorithm  varchar(20)  not null check (algorithm in ('ed25519', 'x25519', 'p-256', 'rsa')),
    key_data   varchar(4096) not null,
    label      varchar(50),
    created_at timestamptz  not null
);
create index public_key_user on public_key (user_id, created_at desc, id);
