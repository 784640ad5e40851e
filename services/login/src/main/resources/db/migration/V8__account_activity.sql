-- The last UTC day login announced an account as active (user-active), so it announces each account at most once
-- a day. One row per account; it goes with the account.
create table account_activity (
    account_id uuid primary key references account (id) on delete cascade,
    last_day   date not null
);
