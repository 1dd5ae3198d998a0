-- each change of a meetup's date or place after its announcement sends guests an updated calendar entry: the same UID
-- with the next SEQUENCE, which calendar programs apply in place of the entry they hold
alter table meetup add column calendar_sequence integer not null default 0;
