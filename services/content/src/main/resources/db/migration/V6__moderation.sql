-- content-hidden and content-restored travel on different topics: the later decision wins
alter table post add column hidden_changed_at timestamptz;
alter table comment add column hidden_changed_at timestamptz;
