-- The devices an account has logged in from: the SHA-256 of the normalised User-Agent (never the
-- agent itself: sessions keep that while they live). A login from a fingerprint not listed here
-- publishes new-device-login.
create table known_device (
    account_id    uuid        not null references account (id) on delete cascade,
    fingerprint   varchar(64) not null,
    first_seen_at timestamptz not null,
    last_seen_at  timestamptz not null,
    primary key (account_id, fingerprint)
);
