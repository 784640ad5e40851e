-- A suspension or reinstatement can arrive before the account's user-created (other topic, no order
-- between them): the decision waits here and is applied when the profile is created.
create table pending_visibility (
    id         uuid        primary key,
    hidden     boolean     not null,
    decided_at timestamptz not null
);
