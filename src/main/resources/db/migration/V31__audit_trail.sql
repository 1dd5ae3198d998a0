-- The audit trail: every change to people, roles, statuses, records and payments, one row each, never updated or
-- deleted by the application (an import undone or a draft thrown away leaves its rows here). What changed is a message
-- key, its detail the words or marks the history lines use; the actor is the name the history shows, actor_id the
-- login of the person signed in when it was made. A row without a cluster is the installation's (an erasure), read by
-- administrators only.
create table audit_entry (
    id               bigserial    primary key,
    cluster_id       varchar(64),
    at               timestamptz  not null,
    actor            varchar(200),
    actor_id         varchar(64),
    area             varchar(10)  not null check (area in ('PEOPLE', 'ROLES', 'STATUSES', 'RECORDS', 'PAYMENTS')),
    what             varchar(100) not null,
    detail           text,
    person           varchar(64),
    organisation_id  bigint,
    business_key     varchar(64),
    subject          varchar(400)
);
create index audit_entry_cluster_at on audit_entry (cluster_id, at desc, id desc);
create index audit_entry_actor on audit_entry (actor_id, at desc);
create index audit_entry_person on audit_entry (person, at desc);
-- a search by words of a name reads what a line is about, who made it and its detail as one text, through trigrams
-- where pg_trgm is offered (see V20)
do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create index audit_entry_words_trgm on audit_entry using gin (
            (coalesce(subject, '') || ' ' || coalesce(actor, '') || ' ' || coalesce(detail, '')) gin_trgm_ops);
    end if;
end
$$;

-- what the history tables hold so far, so that the trail begins with the installation, not with this version
insert into audit_entry (cluster_id, at, actor, area, what, detail, organisation_id, subject)
select o.cluster_id, e.at, e.actor,
       case when split_part(e.reason, ':', 1) in ('details-changed', 'person-added', 'person-removed', 'merged')
            then 'RECORDS' else 'STATUSES' end,
       case when e.reason ~ '^[a-z-]+(:|$)' then 'membership.reason.' || split_part(e.reason, ':', 1)
            else 'audit.historyNote' end,
       case when e.reason ~ '^[a-z-]+:' then substr(e.reason, strpos(e.reason, ':') + 1)
            when e.reason ~ '^[a-z-]+$' then null else e.reason end,
       o.id, o.name
from membership_event e join member_organisation o on o.id = e.organisation_id;

insert into audit_entry (cluster_id, at, actor, area, what, detail, organisation_id, business_key, subject)
select c.cluster_id, e.at, e.actor,
       case when e.action like 'role-%' then 'ROLES'
            when e.action in ('invoice', 'dues-paid', 'payment-cancelled') then 'PAYMENTS'
            when e.action = 'document' then 'RECORDS' else 'STATUSES' end,
       'event.' || e.action, e.detail, c.organisation_id, c.business_key, c.title
from case_event e join case_record c on c.business_key = e.business_key
where e.action not in ('reminder', 'comment');

insert into audit_entry (cluster_id, at, actor_id, area, what, detail, organisation_id, business_key, subject)
select i.cluster_id, p.recorded_at, p.recorded_by, 'PAYMENTS', 'audit.paymentRecorded',
       i.number || '/' || i.year || ' · ⟦money|' || p.amount || '|UAH⟧', i.organisation_id, i.business_key,
       i.payer_name
from invoice_payment p join invoice i on i.id = p.invoice_id;

insert into audit_entry (cluster_id, at, area, what, detail, organisation_id, business_key, subject)
select i.cluster_id, i.cancelled_at, 'PAYMENTS', 'audit.invoiceCancelled', i.number || '/' || i.year,
       i.organisation_id, i.business_key, i.payer_name
from invoice i where i.cancelled_at is not null;

insert into audit_entry (at, actor_id, area, what, detail, person)
select erased_at, erased_by, 'PEOPLE', 'audit.personErased', reason, erased_as from person_erasure;
