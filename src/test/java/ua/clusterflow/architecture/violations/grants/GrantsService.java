package ua.clusterflow.architecture.violations.grants;

import ua.clusterflow.architecture.violations.grants.process.GrantsProcess;

/** Uses its process package's key, and reads the engine's tables: both violations. */
public class GrantsService {

    static final String SQL = "select count(*) from act_ru_task";
    static final String STORE = "insert into grants_application (id) values (?)";

    public String key() {
        return GrantsProcess.KEY;
    }
}
