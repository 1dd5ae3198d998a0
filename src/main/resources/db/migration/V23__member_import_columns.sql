-- A register kept in a spreadsheet of its own names its columns its own way: the upload keeps the table as read and
-- which column holds which field, guessed from the header and confirmed by the coordinator before the dry run.
alter table member_import add column sheet text;
alter table member_import add column columns text;
alter table member_import add column mapped boolean not null default true;
