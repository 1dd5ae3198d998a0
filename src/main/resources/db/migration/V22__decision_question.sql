-- The register of decisions names the question the board answered, in words and in both languages ("Admit X to the
-- cluster's members?"), not the case's title alone; decisions taken before keep their title.
alter table board_decision add column question_uk text;
alter table board_decision add column question_en text;
