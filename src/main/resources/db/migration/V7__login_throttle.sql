-- Failed logins per account, so that guessing a password is throttled on every node alike

create table login_failure (
    id         bigserial primary key,
    user_id    varchar(200) not null,
    failed_at  timestamptz  not null
);
create index login_failure_user on login_failure (user_id, failed_at);
