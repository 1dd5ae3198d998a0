package ua.clusterflow.board;

import java.time.Instant;

/** A question put to the board, its closing time and quorum, and the statement its proposer wrote once it closed. */
public record Motion(long id, String businessKey, String clusterId, String proposer, String question, String body,
                     Instant closesAt, int quorumPercent, boolean publicOutcome, String statement, Instant statedAt) {
}
