-- Accounts. E-mail and username are stored normalised (lower-case); the check constraints make
-- sure nothing else ever gets in, so the plain unique constraints are case-insensitive uniqueness.
create table account (
    id             uuid         primary key,
    email          varchar(254) not null,
    username       varchar(30)  not null,
    password_hash  varchar(255) not null,
    status         varchar(20)  not null default 'ACTIVE',
    roles          text[]       not null default '{user}',
    email_verified boolean      not null default false,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    constraint account_email_key unique (email),
    constraint account_username_key unique (username),
    constraint account_email_lower check (email = lower(email)),
    constraint account_username_rule check (username ~ '^[a-z0-9_.]{3,30}$'),
    constraint account_status_known check (status in ('ACTIVE', 'SUSPENDED'))
);

-- A session is one refresh-token family: one device. The row is kept after revocation so a
-- replayed token can still be recognised and so the deny-list can be re-asserted.
create table login_session (
    id             uuid         primary key,
    account_id     uuid         not null references account (id) on delete cascade,
    user_agent     varchar(512),
    ip             varchar(64),
    created_at     timestamptz  not null,
    last_used_at   timestamptz  not null,
    expires_at     timestamptz  not null,
    revoked_at     timestamptz,
    revoked_reason varchar(30)
);
create index login_session_account on login_session (account_id) where revoked_at is null;
create index login_session_revoked on login_session (revoked_at) where revoked_at is not null;

-- Refresh tokens, stored only as the hex SHA-256 of the opaque value. rotated_at is set when
-- the token was exchanged for its successor; presenting it again after the grace window is reuse.
create table refresh_token (
    token_hash varchar(64) primary key,
    session_id uuid        not null references login_session (id) on delete cascade,
    issued_at  timestamptz not null,
    rotated_at timestamptz
);
create index refresh_token_session on refresh_token (session_id);

-- RS256 signing keys, used when no key is given by configuration. One CURRENT key signs;
-- PREVIOUS keys still verify (they stay in the JWKS) until every token they signed has expired.
create table signing_key (
    kid         varchar(100) primary key,
    algorithm   varchar(10)  not null default 'RS256',
    private_key bytea        not null,
    public_key  bytea        not null,
    state       varchar(10)  not null,
    created_at  timestamptz  not null,
    demoted_at  timestamptz,
    retired_at  timestamptz,
    constraint signing_key_state_known check (state in ('CURRENT', 'PREVIOUS', 'RETIRED'))
);
create unique index signing_key_one_current on signing_key (state) where state = 'CURRENT';
