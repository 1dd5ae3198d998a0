-- A person erased on request: the name their records carry from then on, who erased them, when and why. The row
-- itself names nobody.
create table person_erasure (
    id          bigserial primary key,
    erased_as   varchar(64),
    erased_by   varchar(64)  not null,
    erased_at   timestamptz  not null,
    reason      varchar(500) not null
);
