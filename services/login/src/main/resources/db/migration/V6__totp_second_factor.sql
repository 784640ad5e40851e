-- TOTP second factor (RFC 6238). A factor is pending until a first code confirms it; only a
-- confirmed factor makes login ask for a code. last_used_step refuses a code twice (replay).
create table totp_factor (
    account_id     uuid        primary key references account (id) on delete cascade,
    secret         bytea       not null,
    created_at     timestamptz not null,
    confirmed_at   timestamptz,
    last_used_step bigint
);

-- Ten single-use recovery codes per confirmed factor: only the SHA-256 of each (80 random bits).
create table recovery_code (
    id         uuid        primary key,
    account_id uuid        not null references account (id) on delete cascade,
    code_hash  varchar(64) not null,
    created_at timestamptz not null,
    used_at    timestamptz
);
create index recovery_code_account on recovery_code (account_id, code_hash);

-- The challenge between the first factor and the code: single use, short-lived, dies after a
-- few wrong codes. Only the SHA-256 of its value is kept.
create table mfa_challenge (
    id         uuid        primary key,
    token_hash varchar(64) not null unique,
    account_id uuid        not null references account (id) on delete cascade,
    origin     varchar(20) not null check (origin in ('password', 'login-link')),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    failures   integer     not null default 0,
    used_at    timestamptz
);
create index mfa_challenge_expiry on mfa_challenge (expires_at);
