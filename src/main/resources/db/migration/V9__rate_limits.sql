-- Token buckets of the rate limits (logins per account, address and device; public forms per address and recipient),
-- shared by every node; a row whose bucket would be full again by now is removed
drop table login_failure;

create table rate_limit_bucket (
    id          varchar(300) primary key,
    state       bytea,
    expires_at  bigint
);
create index rate_limit_bucket_expiry on rate_limit_bucket (expires_at);

-- Links that work once (a password reset): the first use is recorded, any later one refused
create table used_link (
    token_hash  varchar(64) primary key,
    used_at     timestamptz not null
);
