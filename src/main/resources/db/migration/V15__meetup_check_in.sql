-- who came: a confirmed guest checked in at the door, once, by the coordinator who let them in
alter table meetup_registration add column checked_in_at timestamptz;
alter table meetup_registration add column checked_in_by varchar(64);
