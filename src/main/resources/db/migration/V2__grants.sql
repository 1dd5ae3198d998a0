-- Grant applications: the cluster's fundraising service

create table grant_application (
    id                   bigserial primary key,
    reference            varchar(40)  not null unique,
    cluster_id           varchar(64)  not null,
    organisation_id      bigint       not null references member_organisation (id),
    created_by           varchar(64)  not null,
    status               varchar(30)  not null,
    programme            varchar(30),
    call_id              varchar(100),
    call_deadline        date,
    title                varchar(300),
    summary              text,
    requested_budget     numeric(14, 2),
    co_financing         numeric(14, 2),
    screening_comment    text,
    submission_reference varchar(100),
    outcome              varchar(20),
    amount_granted       numeric(14, 2),
    version              integer      not null default 0,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now()
);
create index grant_application_org on grant_application (organisation_id);
create index grant_application_deadline on grant_application (cluster_id, call_deadline);

create table grant_partner (
    id              bigserial primary key,
    application_id  bigint       not null references grant_application (id) on delete cascade,
    position        integer      not null,
    name            varchar(300) not null,
    country         char(2)      not null,
    role            varchar(200) not null,
    found_by_cluster boolean     not null default false
);

create table grant_review (
    id              bigserial primary key,
    application_id  bigint       not null references grant_application (id),
    round           integer      not null,
    reviewer_name   varchar(200) not null,
    reviewer_email  varchar(200) not null,
    excellence      integer,
    impact          integer,
    implementation  integer,
    comment         text,
    submitted_at    timestamptz,
    check (excellence between 0 and 5 and impact between 0 and 5 and implementation between 0 and 5)
);
create index grant_review_application on grant_review (application_id, round);

-- what members offer, searchable in Ukrainian and English text alike
create index member_organisation_offers on member_organisation
    using gin (to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(offers, '')));
