package ua.clusterflow.board;

import java.util.Locale;

/** The state of a board vote; the model compares {@code voteOutcome} with these names in lower case. */
public enum VoteOutcome {
    OPEN, APPROVE, REJECT, UNDECIDED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
