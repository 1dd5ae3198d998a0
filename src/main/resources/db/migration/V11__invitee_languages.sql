-- Experts and reviewers are written to in the language the person who invited them chose.
alter table meetup_expert add column language varchar(5) not null default 'uk';
alter table grant_review add column language varchar(5) not null default 'uk';
