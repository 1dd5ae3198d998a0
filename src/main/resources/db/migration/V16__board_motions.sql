-- a question any board member, the chair or a coordinator puts to the board, voted on through the shared board vote
create table board_motion (
    id              bigserial primary key,
    business_key    varchar(60)  not null unique,
    cluster_id      varchar(64)  not null,
    proposer        varchar(64)  not null,
    question        varchar(300) not null,
    body            text         not null,
    closes_at       timestamptz  not null,
    quorum_percent  integer      not null,
    options         text,
    public_outcome  boolean      not null default false,
    statement       text,
    stated_at       timestamptz,
    created_at      timestamptz  not null
);
create index board_motion_cluster on board_motion (cluster_id, created_at);

-- a ballot changed before the close keeps its first cast time and says when it last changed; a ballot of a vote among
-- options keeps the option's words beside its value
alter table board_ballot add column changed_at timestamptz;
alter table board_ballot add column choice_label varchar(200);

-- the register of decisions carries the outcome statement its proposer wrote once the vote closed
alter table board_decision add column statement text;
alter table board_decision add column decision_label varchar(200);
