-- A register of members a cluster kept before, uploaded for a dry run: its rows as read (and as the coordinator
-- corrected them), until the good ones are brought in once.
create table member_import (
    id            uuid primary key,
    cluster_id    varchar(64)  not null,
    file_name     varchar(200) not null,
    rows          text         not null,
    created_by    varchar(64)  not null,
    created_at    timestamptz  not null,
    imported_at   timestamptz,
    imported_by   varchar(64),
    imported_rows integer
);
create index member_import_cluster on member_import (cluster_id, created_at);
