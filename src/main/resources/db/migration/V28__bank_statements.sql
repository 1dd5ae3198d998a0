-- What was paid towards an invoice, payment by payment: from a bank statement's line or as a coordinator confirmed
-- it. An invoice's paid amount is their sum; an overpayment shows as more than the invoice's amount.
alter table invoice add column paid_amount numeric(14,2) not null default 0;
create table invoice_payment (
    id          bigserial     primary key,
    invoice_id  bigint        not null references invoice (id),
    amount      numeric(14,2) not null,
    paid_on     date          not null,
    reference   varchar(300),
    recorded_by varchar(200)  not null,
    recorded_at timestamptz   not null default now()
);
create index invoice_payment_invoice on invoice_payment (invoice_id);

-- A bank statement as uploaded: kept until its lines are booked (its content read again for the dry run), then
-- marked booked. The same file twice is one statement.
create table bank_statement (
    id          bigserial     primary key,
    cluster_id  varchar(64)   not null,
    file_name   varchar(300)  not null,
    file_hash   varchar(64)   not null,
    format      varchar(8)    not null,
    content     bytea         not null,
    uploaded_by varchar(200)  not null,
    uploaded_at timestamptz   not null default now(),
    booked_by   varchar(200),
    booked_at   timestamptz,
    unique (cluster_id, file_hash)
);

-- A statement's credit booked to an invoice, once: a line is known by the bank's reference or, without one, by its
-- day, amount, payer, purpose and how many such lines came before it in its statement, so a line in two statements
-- (overlapping periods) is booked once.
create table bank_statement_line (
    id           bigserial     primary key,
    statement_id bigint        not null references bank_statement (id),
    cluster_id   varchar(64)   not null,
    line_key     varchar(64)   not null,
    booked_on    date          not null,
    amount       numeric(14,2) not null,
    payer_name   varchar(300),
    payer_code   varchar(12),
    purpose      varchar(1000),
    invoice_id   bigint        not null references invoice (id),
    outcome      varchar(12)   not null,
    unique (cluster_id, line_key)
);

-- Which column of a bank's CSV or XLSX export holds which field, as the coordinator confirmed it, by the header's text.
create table statement_columns (
    cluster_id varchar(64)   primary key,
    columns    varchar(4000) not null
);
