-- At most one pending request per pair of users, whichever direction: two requests crossing at the
-- same moment (A→B and B→A) would both pass the service's "pending either way" check, but only one
-- can be inserted; the service's "on conflict do nothing" then answers the other with 409.
create unique index friend_request_pair on friend_request
    (least(from_user_id, to_user_id), greatest(from_user_id, to_user_id));
