-- an image shown in a mail's text (a guest's QR code for the door), sent as an inline part the text names by content id
alter table mail_outbox add column inline_id varchar(100);
alter table mail_outbox add column inline_type varchar(100);
alter table mail_outbox add column inline_content bytea;
