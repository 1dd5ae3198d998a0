package ua.clusterflow.onboarding;

/** An application's case in the engine, as the onboarding service drives it. */
public interface OnboardingCases {

    /** The key of the process whose cases this port drives, as the models deploy it. */
    String PROCESS_KEY = "MemberOnboarding";

    /** Starts the case of a stored application. */
    void start(String reference, String clusterId, long applicationId, String title);

    /** Tells the case waiting for an amendment that the applicant sent it. */
    void amended(String reference);
}
