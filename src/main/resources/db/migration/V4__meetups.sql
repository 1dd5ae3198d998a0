-- Technology meetups: topics, experts, public registration with waiting lists, outcomes

create table meetup (
    id               bigserial primary key,
    reference        varchar(40)  not null unique,
    cluster_id       varchar(64)  not null,
    proposed_by      varchar(64)  not null,
    status           varchar(20)  not null,
    segment          varchar(200) not null,
    challenge        text         not null,
    format           varchar(10)  not null,
    window_from      date         not null,
    window_to        date         not null,
    starts_at        timestamptz,
    ends_at          timestamptz,
    venue            varchar(300),
    online_link      varchar(500),
    capacity_offline integer      not null default 0,
    capacity_online  integer      not null default 0,
    budget           numeric(12, 2),
    summary          text,
    attendance       integer,
    agenda_items     text,
    follow_ups       text,
    created_at       timestamptz  not null default now()
);
create index meetup_cluster on meetup (cluster_id, starts_at);

create table meetup_expert (
    id           bigserial primary key,
    meetup_id    bigint       not null references meetup (id),
    round        integer      not null,
    name         varchar(200) not null,
    email        varchar(200) not null,
    category     varchar(20)  not null,
    answer       varchar(10),
    answered_at  timestamptz
);
create index meetup_expert_meetup on meetup_expert (meetup_id, round);

create table meetup_registration (
    id            bigserial primary key,
    meetup_id     bigint       not null references meetup (id),
    name          varchar(200) not null,
    organisation  varchar(300),
    email         varchar(200) not null,
    mode          varchar(10)  not null,
    status        varchar(10)  not null,
    created_at    timestamptz  not null default now()
);
create unique index meetup_registration_once on meetup_registration (meetup_id, lower(email))
    where status <> 'CANCELLED';
create index meetup_registration_queue on meetup_registration (meetup_id, mode, status, id);

alter table mail_outbox add column attachment_name varchar(200);
alter table mail_outbox add column attachment_type varchar(100);
alter table mail_outbox add column attachment bytea;
