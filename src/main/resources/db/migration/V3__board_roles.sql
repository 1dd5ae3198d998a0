-- The board's functions with an owner and a term: the roles a cluster keeps, and who holds them

create table board_role (
    id          bigserial primary key,
    cluster_id  varchar(64)  not null,
    code        varchar(60)  not null,
    name_uk     varchar(200) not null,
    name_en     varchar(200) not null,
    -- the group the role's holder joins while the term runs, e.g. 'grant-screening'
    rights      varchar(60),
    unique (cluster_id, code)
);

create table role_term (
    id                bigserial primary key,
    business_key      varchar(40)  not null unique,
    cluster_id        varchar(64)  not null,
    role_code         varchar(60)  not null,
    holder            varchar(64)  not null,
    proposer          varchar(64)  not null,
    status            varchar(20)  not null,
    term_number       integer      not null default 1,
    responsibilities  text         not null,
    expected_results  text         not null,
    hours_per_month   integer      not null,
    term_start        date         not null,
    term_end          date         not null,
    started_at        timestamptz,
    ended_at          timestamptz,
    created_at        timestamptz  not null default now()
);
create index role_term_cluster on role_term (cluster_id, role_code, status);

-- every board decision, for the board's page
create table board_decision (
    vote_id       varchar(64)  primary key,
    cluster_id    varchar(64)  not null,
    business_key  varchar(60),
    title         varchar(400) not null,
    decision      varchar(10)  not null,
    reason        text,
    approvals     integer      not null,
    rejections    integer      not null,
    abstentions   integer      not null,
    decided_at    timestamptz  not null
);
create index board_decision_cluster on board_decision (cluster_id, decided_at);
