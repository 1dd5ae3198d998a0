package ua.clusterflow.delegation;

/** A role term's case in the engine, as the delegation service drives it. */
public interface DelegationCases {

    /** The key of the process whose cases this port drives, as the models deploy it. */
    String PROCESS_KEY = "BoardRoleDelegation";

    /** Starts the case of a role just proposed. */
    void start(RoleTerm term, String proposer, String title);

    /** Tells the case of an active role that its revocation is asked for. */
    void revocationRequested(String businessKey);
}
