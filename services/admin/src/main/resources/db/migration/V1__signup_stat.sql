-- Sign-ups per UTC day, counted from user-created events (each event once: see the inbox tables).
create table signup_stat (
    day     date    primary key,
    signups integer not null check (signups >= 0)
);
