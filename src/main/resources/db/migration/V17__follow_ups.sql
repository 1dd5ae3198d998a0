-- an agreed action with an owner and a due date: a meetup's follow-up, a board decision's next step, an introduction's
create table follow_up (
    id            bigserial primary key,
    business_key  varchar(60)  not null unique,
    cluster_id    varchar(64)  not null,
    source_kind   varchar(30)  not null,
    source_ref    varchar(60)  not null,
    action        text         not null,
    owner         varchar(64)  not null,
    due_on        date         not null,
    status        varchar(10)  not null default 'OPEN',
    overdue       boolean      not null default false,
    outcome       text,
    led_to        varchar(20),
    created_by    varchar(64)  not null,
    created_at    timestamptz  not null,
    done_at       timestamptz
);
create index follow_up_cluster on follow_up (cluster_id, status, due_on);
create index follow_up_source on follow_up (source_kind, source_ref);
