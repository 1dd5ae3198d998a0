package ua.clusterflow.architecture.violations.grants.process;

/** A process whose key its feature's service uses: the constant is copied into the service's bytecode. */
public final class GrantsProcess {

    public static final String KEY = "Grants";

    private GrantsProcess() {
    }
}
