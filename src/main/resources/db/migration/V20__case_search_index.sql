-- The task list's search finds a case by any part of its title or reference (LIKE '%...%'), which without an index
-- reads every case the cluster ever had. pg_trgm's trigram indexes answer it from the index. pg_trgm comes with
-- PostgreSQL's contrib modules and is a trusted extension (the database's owner may create it); where the server
-- does not offer it, the search stays as it was, unindexed.
do $$
begin
    if exists (select 1 from pg_available_extensions where name = 'pg_trgm') then
        create extension if not exists pg_trgm;
        create index if not exists case_record_title_trgm on case_record using gin (lower(title) gin_trgm_ops);
        create index if not exists case_record_key_trgm on case_record using gin (lower(business_key) gin_trgm_ops);
    end if;
exception when insufficient_privilege then
    raise notice 'pg_trgm is not available to this role: the task list''s search runs without its index';
end
$$;
