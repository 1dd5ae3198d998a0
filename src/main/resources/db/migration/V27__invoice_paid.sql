-- An invoice's payment as the coordinator confirmed it: the day and the payment order's reference.
alter table invoice add column paid_on date;
alter table invoice add column payment_reference varchar(200);
create index invoice_open on invoice (cluster_id, due_on) where paid_on is null and cancelled_at is null;
