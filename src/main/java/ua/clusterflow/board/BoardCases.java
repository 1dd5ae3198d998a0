package ua.clusterflow.board;

/** The board's votes and motions in the engine, as the board's services drive and read them. */
public interface BoardCases {

    /** The key of the process whose cases this port drives, as the models deploy it. */
    String MOTION_PROCESS_KEY = "BoardMotion";

    /** Starts the case of a motion just put to the board. */
    void startMotion(Motion motion, String title);

    /** Whether the vote still takes ballots: someone on the board has yet to cast theirs and it has not closed. */
    boolean takesBallots(String voteId);

    /** The options a vote chooses among, one to a line, also once it closed; null for a vote that approves or rejects. */
    String options(String voteId);

    /** How many may vote in an open vote, and how many ballots make its quorum. */
    record Seats(int eligible, int quorum) {
    }

    Seats seats(String voteId);

    /** Closes an open vote's ballots now and has it counted: a changed ballot decided it. */
    void countNow(String voteId);
}
