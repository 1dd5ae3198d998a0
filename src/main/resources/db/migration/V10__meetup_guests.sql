-- A guest is written to in the language of the page they registered on.
alter table meetup_registration add column language varchar(5) not null default 'uk';
