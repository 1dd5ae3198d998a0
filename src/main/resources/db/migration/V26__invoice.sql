-- A cluster's invoices: each numbered without gaps within the cluster's year, as a document (its PDF kept as sent),
-- for a membership year's dues or an applicant's joining fee. A cancelled invoice keeps its number.
create table invoice (
    id              bigserial     primary key,
    cluster_id      varchar(64)   not null,
    year            integer       not null,
    number          integer       not null,
    business_key    varchar(64)   not null,
    organisation_id bigint,
    payer_name      varchar(300)  not null,
    payer_code      varchar(12)   not null,
    purpose         varchar(500)  not null,
    amount          numeric(14,2) not null,
    issued_on       date          not null,
    due_on          date          not null,
    language        varchar(2)    not null,
    cancelled_at    timestamptz,
    pdf             bytea         not null,
    unique (cluster_id, year, number)
);
create index invoice_case on invoice (business_key);
create index invoice_organisation on invoice (organisation_id);
