-- Matchmaking: introductions a coordinator made between a member's need and another's offer

create table introduction (
    id               bigserial primary key,
    cluster_id       varchar(64)  not null,
    need_org_id      bigint       not null references member_organisation (id),
    offer_org_id     bigint       not null references member_organisation (id),
    introduced_by    varchar(64)  not null,
    created_at       timestamptz  not null default now()
);
create index introduction_cluster on introduction (cluster_id, created_at);

create index member_organisation_needs on member_organisation
    using gin (to_tsvector('simple', coalesce(needs, '')));
