package ua.clusterflow.board;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ua.clusterflow.system.AppClock;

@Repository
public class BallotRepository {

    public record Ballot(String voter, String choice, String comment, Instant castAt) {
    }

    private final JdbcClient jdbc;

    public BallotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a ballot; a voter's second ballot in the same vote replaces nothing and returns false. */
    public boolean insert(String voteId, String voter, String choice, String comment) {
        return jdbc.sql("""
                insert into board_ballot (vote_id, voter, choice, comment, cast_at) values (?, ?, ?, ?, ?)
                on conflict (vote_id, voter) do nothing""")
                .params(voteId, voter, choice, comment, Timestamp.from(AppClock.now())).update() == 1;
    }

    public List<Ballot> ballots(String voteId) {
        return jdbc.sql("select voter, choice, comment, cast_at from board_ballot where vote_id = ? order by cast_at, id")
                .param(voteId)
                .query((rs, n) -> new Ballot(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    public Tally tally(String voteId, int eligible, int quorum) {
        List<Ballot> ballots = ballots(voteId);
        return new Tally(eligible, quorum, count(ballots, "approve"), count(ballots, "reject"),
                count(ballots, "abstain"));
    }

    private static int count(List<Ballot> ballots, String choice) {
        return (int) ballots.stream().filter(b -> choice.equals(b.choice())).count();
    }
}
