-- What the coordinator records for the dashboard that no process carries: export marketing events and
-- missions, the regional development plan's items, and the cluster's own profile (strategy, staff, groups)

create table export_activity (
    id            bigserial primary key,
    cluster_id    varchar(64)  not null,
    kind          varchar(20)  not null check (kind in ('EVENT', 'MISSION')),
    title         varchar(300) not null,
    country       char(2)      not null,
    held_on       date         not null,
    participants  integer      not null check (participants >= 0),
    recorded_by   varchar(64)  not null,
    recorded_at   timestamptz  not null default now()
);
create index export_activity_cluster on export_activity (cluster_id, held_on);

create table regional_plan_item (
    id            bigserial primary key,
    cluster_id    varchar(64)  not null,
    title         varchar(300) not null,
    programme     varchar(300) not null,
    participates  boolean      not null,
    recorded_by   varchar(64)  not null,
    recorded_at   timestamptz  not null default now(),
    version       integer      not null default 0
);
create index regional_plan_item_cluster on regional_plan_item (cluster_id);

create table cluster_profile (
    cluster_id         varchar(64)  primary key,
    strategy_adopted   date,
    staff_fte          numeric(4, 2) not null default 0 check (staff_fte >= 0),
    working_groups     integer      not null default 0 check (working_groups >= 0),
    coalitions         integer      not null default 0 check (coalitions >= 0),
    updated_by         varchar(64)  not null,
    updated_at         timestamptz  not null default now(),
    version            integer      not null default 0
);
