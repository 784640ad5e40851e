-- daily active users, from login's user-active (at most one per user per UTC day):
-- active_user_day makes the count distinct by construction (a user counts once a day however often told);
-- active_user_stat keeps the count, so erasing a user's rows (user-deleted) does not rewrite past days
create table active_user_day (
    day     date not null,
    user_id uuid not null,
    primary key (day, user_id)
);

create index active_user_day_user on active_user_day (user_id);

create table active_user_stat (
    day   date primary key,
    users integer not null
);
