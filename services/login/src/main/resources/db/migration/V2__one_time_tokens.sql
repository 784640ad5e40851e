-- Single-use secrets sent by e-mail (verification, password reset, login link, e-mail change).
-- Only the SHA-256 of the 256-bit value is stored; used_at makes each one single-use.
create table one_time_token (
    token_hash varchar(64)  primary key,
    purpose    varchar(30)  not null,
    account_id uuid         not null references account (id) on delete cascade,
    new_email  varchar(254),
    created_at timestamptz  not null,
    expires_at timestamptz  not null,
    used_at    timestamptz,
    constraint one_time_token_purpose_known
        check (purpose in ('EMAIL_VERIFICATION', 'PASSWORD_RESET', 'LOGIN_LINK', 'EMAIL_CHANGE'))
);
create index one_time_token_account on one_time_token (account_id, purpose) where used_at is null;
