-- ClusterFlow's own tables. People, groups and clusters (tenants) live in the engine's identity tables.

create table app_setting (
    name  varchar(100) primary key,
    value text not null
);

create table member_organisation (
    id            bigserial primary key,
    cluster_id    varchar(64)  not null,
    name          varchar(300) not null,
    edrpou        char(8)      not null,
    category      varchar(40)  not null,
    sectors       varchar(300) not null,
    headcount     integer      not null,
    region        varchar(100) not null,
    offers        text,
    needs         text,
    contact_user  varchar(64),
    fee_category  varchar(40),
    annual_fee    numeric(12, 2),
    joined_at     timestamptz  not null default now(),
    unique (cluster_id, edrpou)
);

create table onboarding_application (
    id              bigserial primary key,
    reference       varchar(40)  not null unique,
    submission_id   varchar(64)  not null unique,
    cluster_id      varchar(64)  not null,
    status          varchar(30)  not null,
    name            varchar(300) not null,
    edrpou          char(8)      not null,
    category        varchar(40)  not null,
    sectors         varchar(300) not null,
    headcount       integer      not null,
    region          varchar(100) not null,
    contact_name    varchar(200) not null,
    contact_email   varchar(200) not null,
    contact_phone   varchar(50),
    language        varchar(5)   not null,
    offers          text,
    needs           text,
    consent_at      timestamptz  not null,
    fee_category    varchar(40),
    annual_fee      numeric(12, 2),
    decision_reason text,
    organisation_id bigint references member_organisation (id),
    version         integer      not null default 0,
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now()
);
create index onboarding_application_edrpou on onboarding_application (cluster_id, edrpou);

-- one row per case of any process: what the case page, the member's "my cases" and search read
create table case_record (
    business_key     varchar(60)  primary key,
    cluster_id       varchar(64)  not null,
    process_key      varchar(100) not null,
    title            varchar(400) not null,
    status           varchar(40)  not null,
    organisation_id  bigint,
    created_by       varchar(64),
    created_at       timestamptz  not null default now(),
    closed_at        timestamptz
);
create index case_record_cluster on case_record (cluster_id, process_key);

create table case_event (
    id            bigserial primary key,
    business_key  varchar(60)  not null references case_record (business_key),
    at            timestamptz  not null default now(),
    actor         varchar(200),
    action        varchar(60)  not null,
    detail        text
);
create index case_event_case on case_event (business_key, at);

create table case_comment (
    id            bigserial primary key,
    business_key  varchar(60) not null references case_record (business_key),
    at            timestamptz not null default now(),
    author        varchar(64) not null,
    author_name   varchar(200) not null,
    body          text        not null
);

create table case_document (
    id            bigserial primary key,
    business_key  varchar(60)  not null references case_record (business_key),
    file_name     varchar(255) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint       not null,
    content       bytea        not null,
    uploaded_by   varchar(200),
    uploaded_at   timestamptz  not null default now()
);

create table board_ballot (
    id          bigserial primary key,
    vote_id     varchar(64)  not null,
    voter       varchar(64)  not null,
    choice      varchar(10)  not null,
    comment     text,
    cast_at     timestamptz  not null default now(),
    unique (vote_id, voter)
);

create table mail_outbox (
    id              bigserial primary key,
    recipient       varchar(200) not null,
    subject         varchar(400) not null,
    body_html       text         not null,
    business_key    varchar(60),
    status          varchar(10)  not null default 'PENDING',
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    last_error      text,
    created_at      timestamptz  not null default now(),
    sent_at         timestamptz
);
create index mail_outbox_due on mail_outbox (next_attempt_at) where status = 'PENDING';
