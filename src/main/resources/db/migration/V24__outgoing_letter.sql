-- The register of a cluster's outgoing letters (its letters of support among them): each letter's number within the
-- cluster's year, as an office numbers what it sends, and what it was written for.
create table outgoing_letter (
    id           bigserial    primary key,
    cluster_id   varchar(64)  not null,
    year         integer      not null,
    number       integer      not null,
    business_key varchar(64)  not null,
    addressee    varchar(500) not null,
    issued_on    date         not null,
    unique (cluster_id, year, number)
);
create index outgoing_letter_case on outgoing_letter (business_key);
