-- Joint export actions of a cluster (export-action.bpmn): what is offered, on which terms, until when members apply.
create table export_action (
    id               bigserial     primary key,
    reference        varchar(40)   not null unique,
    cluster_id       varchar(64)   not null,
    kind             varchar(20)   not null check (kind in ('TRADE_FAIR', 'MISSION', 'BUYERS_VISIT', 'B2B', 'CATALOGUE')),
    title            varchar(300)  not null,
    markets          varchar(300)  not null,
    starts_on        date          not null,
    ends_on          date          not null,
    place            varchar(300)  not null,
    cluster_cost     numeric(14,2) not null,
    participant_fee  numeric(14,2) not null,
    places           integer       not null,
    min_participants integer       not null,
    join_deadline    date          not null,
    selection_rule   text          not null,
    status           varchar(20)   not null,
    announced_by     varchar(64)   not null,
    announced_at     timestamptz   not null
);
create index export_action_cluster on export_action (cluster_id, starts_on desc);

-- A member organisation's application to take part, and where the selection put it.
create table export_application (
    id              bigserial    primary key,
    action_id       bigint       not null references export_action (id),
    organisation_id bigint       not null,
    applicant       varchar(64)  not null,
    products        text         not null,
    product_codes   varchar(200) not null,
    markets_served  varchar(300),
    certificates    varchar(300),
    readiness       integer      not null check (readiness between 1 and 5),
    status          varchar(12)  not null check (status in ('APPLIED', 'SELECTED', 'WAITING', 'NOT_SELECTED', 'WITHDRAWN')),
    note            text,
    applied_at      timestamptz  not null,
    unique (action_id, organisation_id)
);
