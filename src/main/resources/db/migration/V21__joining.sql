-- A person who has an account already (in another cluster, or as an administrator) is asked before a role in a
-- cluster or a place among an organisation's people is theirs: until they accept, they get nothing of it.
create table joining (
    id                bigserial primary key,
    cluster_id        varchar(64)  not null,
    user_id           varchar(255) not null,
    role              varchar(20),
    organisation_id   bigint,
    organisation_role varchar(20),
    invited_by        varchar(255),
    invited_at        timestamptz  not null,
    answered_at       timestamptz,
    accepted          boolean
);
create index joining_open_of_user on joining (user_id) where answered_at is null;
