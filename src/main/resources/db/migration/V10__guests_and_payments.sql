-- A guest is written to in the language of the page they registered on.
alter table meetup_registration add column language varchar(5) not null default 'uk';

-- Where members pay their fees: the cluster's account, named on every invoice.
create table cluster_payment_details (
    cluster_id  varchar(64)  primary key,
    payee       varchar(200) not null,
    payee_code  varchar(10)  not null,
    iban        varchar(34)  not null,
    bank        varchar(200),
    updated_by  varchar(64)  not null,
    updated_at  timestamptz  not null default now()
);
