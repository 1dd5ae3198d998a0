-- The dashboard counts a cluster's events of one kind within a period (letters of support, meetups reported, ...)
-- and its applications by status; with hundreds of thousands of events and applications these read only the
-- matching rows instead of all of them.
create index case_event_action on case_event (action, at);
create index onboarding_application_status on onboarding_application (cluster_id, status);
