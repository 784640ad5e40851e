-- A suspension may have an end (a ban has none); after it the account is active again by itself.
alter table account add column suspended_until timestamptz;
-- Access tokens of the account issued at or before this instant are void (deny-list
-- login:deny:user:<id>): set on suspension and on the loss of a role.
alter table account add column tokens_invalid_before timestamptz;
create index account_tokens_invalid_before on account (tokens_invalid_before)
    where tokens_invalid_before is not null;
