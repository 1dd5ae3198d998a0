-- An application's title and summary in English, for reviewers from abroad and the English half of the letter of
-- support; optional, the Ukrainian ones standing in where they are not given.
alter table grant_application add column title_en varchar(300);
alter table grant_application add column summary_en text;
