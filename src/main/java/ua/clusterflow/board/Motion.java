package ua.clusterflow.board;

import java.time.Instant;

/**
 * A question put to the board, its closing time and quorum, the options it chooses among (none for a proposal to
 * approve or reject, one to a line), and the statement its proposer wrote once it closed.
 */
public record Motion(long id, String businessKey, String clusterId, String proposer, String question, String body,
                     Instant closesAt, int quorumPercent, boolean publicOutcome, String statement, Instant statedAt,
                     String options) {

    public Choices choices() {
        return Choices.parse(options);
    }
}
