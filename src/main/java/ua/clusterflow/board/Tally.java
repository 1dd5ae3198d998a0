package ua.clusterflow.board;

/**
 * The count of a board vote and the rules that read it. A vote closes early only when the quorum
 * has voted and no later ballot could change it: more than half of all eligible voters approve,
 * or more than half reject.
 * At its close (all voted, or the deadline) the quorum must be met and the ballots for one side
 * must outnumber those for the other; otherwise the vote is undecided and someone must settle it.
 */
public record Tally(int eligible, int quorum, int approvals, int rejections, int abstentions) {

    /** The choices of a ballot, as the ballot's form sends them. */
    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";
    public static final String ABSTAIN = "abstain";

    public int cast() {
        return approvals + rejections + abstentions;
    }

    public VoteOutcome whileOpen() {
        if (cast() >= quorum && approvals * 2 > eligible) {
            return VoteOutcome.APPROVE;
        }
        if (cast() >= quorum && rejections * 2 > eligible) {
            return VoteOutcome.REJECT;
        }
        return cast() >= eligible ? atClose() : VoteOutcome.OPEN;
    }

    public VoteOutcome atClose() {
        if (cast() < quorum) {
            return VoteOutcome.UNDECIDED;
        }
        if (approvals > rejections) {
            return VoteOutcome.APPROVE;
        }
        if (rejections > approvals) {
            return VoteOutcome.REJECT;
        }
        return VoteOutcome.UNDECIDED;
    }

    /** The smallest number of ballots that is at least the given share of the eligible voters. */
    public static int quorumOf(int eligible, int percent) {
        return (int) Math.ceil(eligible * percent / 100.0);
    }
}
