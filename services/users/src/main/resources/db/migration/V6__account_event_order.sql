-- user-suspended and user-reinstated travel on different topics, so nothing orders them: the profile
-- remembers when its visibility was last decided and an older decision arriving late changes nothing.
alter table profile add column hidden_changed_at timestamptz;
