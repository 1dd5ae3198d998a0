package ua.clusterflow.board;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void anOpenVoteClosesOnlyWhenNoLaterBallotCanChangeIt() {
        assertThat(new Tally(5, 3, 2, 0, 1).whileOpen()).isEqualTo(VoteOutcome.OPEN);
        assertThat(new Tally(5, 3, 3, 0, 0).whileOpen()).isEqualTo(VoteOutcome.APPROVE);
        assertThat(new Tally(5, 3, 1, 3, 0).whileOpen()).isEqualTo(VoteOutcome.REJECT);
        assertThat(new Tally(4, 3, 2, 1, 0).whileOpen()).as("2 of 4 is no majority yet").isEqualTo(VoteOutcome.OPEN);
        assertThat(new Tally(5, 4, 3, 0, 0).whileOpen()).as("a majority, but short of a two-thirds quorum")
                .isEqualTo(VoteOutcome.OPEN);
        assertThat(new Tally(5, 4, 3, 0, 1).whileOpen()).isEqualTo(VoteOutcome.APPROVE);
    }

    @Test
    void whenEveryoneHasVotedTheCountDecides() {
        assertThat(new Tally(5, 3, 2, 1, 2).whileOpen()).isEqualTo(VoteOutcome.APPROVE);
        assertThat(new Tally(5, 3, 2, 2, 1).whileOpen()).isEqualTo(VoteOutcome.UNDECIDED);
    }

    @Test
    void atTheCloseAQuorumIsNeededAndATieIsUndecided() {
        assertThat(new Tally(5, 3, 2, 0, 0).atClose()).as("no quorum").isEqualTo(VoteOutcome.UNDECIDED);
        assertThat(new Tally(5, 3, 1, 1, 1).atClose()).as("tie").isEqualTo(VoteOutcome.UNDECIDED);
        assertThat(new Tally(5, 3, 1, 2, 0).atClose()).isEqualTo(VoteOutcome.REJECT);
        assertThat(new Tally(5, 3, 1, 0, 2).atClose()).isEqualTo(VoteOutcome.APPROVE);
    }

    @Test
    void theQuorumIsTheSmallestCountReachingTheShare() {
        assertThat(Tally.quorumOf(5, 51)).isEqualTo(3);
        assertThat(Tally.quorumOf(6, 67)).isEqualTo(5);
        assertThat(Tally.quorumOf(4, 67)).isEqualTo(3);
        assertThat(Tally.quorumOf(3, 67)).isEqualTo(3);
    }
}
