-- API credentials for bots and integrations: a public key pk_... and a secret sk_... shown once;
-- only a salted SHA-256 of the secret is kept. Each credential has its own session (the sid of
-- the tokens it is exchanged for), so deleting it voids those tokens through the deny-list.
create table api_credential (
    id           uuid         primary key,
    account_id   uuid         not null references account (id) on delete cascade,
    session_id   uuid         not null references login_session (id) on delete cascade,
    public_key   varchar(64)  not null unique,
    secret_hash  varchar(255) not null,
    name         varchar(100),
    created_at   timestamptz  not null,
    last_used_at timestamptz
);
create index api_credential_account on api_credential (account_id, created_at);

-- Device sessions (login, refresh) and API-credential sessions (no refresh; live until the
-- credential is deleted) are listed and revoked separately.
alter table login_session add column kind varchar(10) not null default 'DEVICE';
alter table login_session add constraint login_session_kind_known check (kind in ('DEVICE', 'API'));
