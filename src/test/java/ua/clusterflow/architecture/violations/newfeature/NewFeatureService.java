package ua.clusterflow.architecture.violations.newfeature;

import ua.clusterflow.architecture.violations.grants.GrantsService;

/** A feature package no list names, importing another feature. */
public class NewFeatureService {

    static final String COUNT = "select count(*) from grants_application";

    private final GrantsService grants = new GrantsService();

    public String key() {
        return grants.key();
    }
}
