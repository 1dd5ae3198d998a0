-- What an import brought in, so that it can be undone as a whole while nothing else has happened to it: each
-- organisation with the case of its open year and its main contact (and whether the import created that account).
create table member_import_organisation (
    import_id        uuid        not null references member_import (id),
    organisation_id  bigint      not null,
    year_case        varchar(60) not null,
    contact_user     varchar(64) not null,
    contact_created  boolean     not null,
    primary key (import_id, organisation_id)
);
create index member_import_organisation_org on member_import_organisation (organisation_id);

alter table member_import add column undone_at timestamptz;
alter table member_import add column undone_by varchar(64);
