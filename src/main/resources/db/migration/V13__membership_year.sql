-- Membership after joining: a status with its history, the dues of each year, the cluster's terms, and several
-- people per organisation.

alter table member_organisation
    add column status       varchar(12) not null default 'CURRENT'
        check (status in ('CURRENT', 'IN_GRACE', 'LAPSED', 'RESIGNED', 'EXCLUDED')),
    add column status_since date,
    add column paid_until   date,
    add column notice_until date;

update member_organisation set status_since = (joined_at at time zone 'Europe/Kyiv')::date,
    paid_until = ((joined_at at time zone 'Europe/Kyiv') + interval '1 year')::date;
alter table member_organisation alter column status_since set not null;
create index member_organisation_status on member_organisation (cluster_id, status);

-- each change of status, with its day and reason: the organisation's history
create table membership_event (
    id               bigserial primary key,
    organisation_id  bigint       not null references member_organisation (id),
    on_day           date         not null,
    status           varchar(12)  not null,
    reason           text,
    actor            varchar(200),
    at               timestamptz  not null default now()
);
create index membership_event_organisation on membership_event (organisation_id, at);

insert into membership_event (organisation_id, on_day, status, reason, at)
select id, status_since, 'CURRENT', 'joined', joined_at from member_organisation;

-- the dues of one membership year: invoiced, then paid (or not)
create table membership_dues (
    id                 bigserial primary key,
    organisation_id    bigint        not null references member_organisation (id),
    year_from          date          not null,
    fee_category       varchar(40)   not null,
    amount             numeric(12, 2) not null check (amount >= 0),
    invoiced_on        date,
    paid_on            date,
    payment_reference  varchar(100),
    unique (organisation_id, year_from)
);
create index membership_dues_paid on membership_dues (paid_on);

-- the joining fee that onboarding took counts as the first year's dues
insert into membership_dues (organisation_id, year_from, fee_category, amount, invoiced_on, paid_on)
select o.id, o.status_since, coalesce(a.fee_category, o.fee_category, '—'), coalesce(a.annual_fee, o.annual_fee, 0),
       o.status_since, o.status_since
from member_organisation o left join onboarding_application a on a.organisation_id = o.id
where coalesce(a.annual_fee, o.annual_fee) is not null;

-- a cluster's own membership terms; a cluster without a row renews on each member's anniversary
create table membership_terms (
    cluster_id     varchar(64) primary key,
    renewal_month  integer check (renewal_month between 1 and 12),
    renewal_day    integer check (renewal_day between 1 and 28),
    payment_days   integer not null default 30 check (payment_days between 1 and 365),
    grace_days     integer not null default 30 check (grace_days between 0 and 365),
    notice_days    integer not null default 30 check (notice_days between 0 and 365),
    updated_by     varchar(64) not null,
    updated_at     timestamptz not null default now()
);

-- the people who speak for an organisation, each with a role at it
create table organisation_person (
    organisation_id  bigint      not null references member_organisation (id),
    user_id          varchar(64) not null,
    org_role         varchar(12) not null check (org_role in ('MAIN', 'BILLING', 'EXPERT', 'OTHER')),
    added_at         timestamptz not null default now(),
    primary key (organisation_id, user_id)
);
create index organisation_person_user on organisation_person (user_id);

insert into organisation_person (organisation_id, user_id, org_role)
select id, contact_user, 'MAIN' from member_organisation where contact_user is not null;
