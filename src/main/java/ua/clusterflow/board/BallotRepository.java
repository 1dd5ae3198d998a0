package ua.clusterflow.board;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.TransactionLocks;

@Repository
public class BallotRepository {

    /** A ballot: the voter, their choice (for a vote among options, its value and the option's words), comment, time. */
    public record Ballot(String voter, String choice, String choiceLabel, String comment, Instant castAt) {
    }

    private final JdbcClient jdbc;

    public BallotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Holds the vote until the caller's transaction ends, so ballots cast in the same moment are counted one
     * after the other and each sees the ballots before it.
     */
    public void lockVote(String voteId) {
        TransactionLocks.hold(jdbc, "board_ballot:" + voteId);
    }

    /** Records a ballot; a voter's second ballot in the same vote replaces nothing and returns false. */
    public boolean insert(String voteId, String voter, String choice, String choiceLabel, String comment) {
        return jdbc.sql("""
                insert into board_ballot (vote_id, voter, choice, choice_label, comment, cast_at) values (?, ?, ?, ?, ?, ?)
                on conflict (vote_id, voter) do nothing""")
                .params(voteId, voter, choice, choiceLabel, comment, Timestamp.from(AppClock.now())).update() == 1;
    }

    /** Puts a new choice and comment in place of the voter's ballot; false when they have not voted in this vote. */
    public boolean change(String voteId, String voter, String choice, String choiceLabel, String comment) {
        return jdbc.sql("""
                update board_ballot set choice = ?, choice_label = ?, comment = ?, changed_at = ?
                where vote_id = ? and voter = ?""")
                .params(choice, choiceLabel, comment, Timestamp.from(AppClock.now()), voteId, voter).update() == 1;
    }

    public List<Ballot> ballots(String voteId) {
        return jdbc.sql("""
                select voter, choice, choice_label, comment, cast_at from board_ballot where vote_id = ? order by cast_at, id""")
                .param(voteId)
                .query((rs, n) -> new Ballot(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** A closed vote, for the board's page. */
    public record Decision(String voteId, String businessKey, String title, String decision, String reason,
                           int approvals, int rejections, int abstentions, Instant decidedAt, String statement,
                           String decisionLabel, String questionUk, String questionEn) {

        /** The question the decision answered, in the reader's language, or the case's title for an older one. */
        public String question(Locale locale) {
            String question = "en".equals(locale.getLanguage()) ? questionEn : questionUk;
            return question == null || question.isBlank() ? title : question;
        }

        /** A vote among options: its counts are for the option chosen, for the others, and abstaining. */
        public boolean amongOptions() {
            return decisionLabel != null;
        }
    }

    /** A vote's decision in the register, with the question it answered in both languages where it has one. */
    public void recordDecision(String voteId, String clusterId, String businessKey, String title, String decision,
                               String decisionLabel, String reason, Tally tally, String questionUk,
                               String questionEn) {
        jdbc.sql("insert into board_decision (vote_id, cluster_id, business_key, title, decision, decision_label, reason, "
                        + "approvals, rejections, abstentions, decided_at, question_uk, question_en) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (vote_id) do nothing")
                .params(voteId, clusterId, businessKey, title == null ? "" : title, decision, decisionLabel, reason,
                        tally.approvals(), tally.rejections(), tally.abstentions(), Timestamp.from(AppClock.now()),
                        questionUk, questionEn)
                .update();
    }

    /** The latest decision the board took in a case. */
    public Optional<Decision> decisionOfCase(String businessKey) {
        return jdbc.sql("select * from board_decision where business_key = ? order by decided_at desc limit 1")
                .param(businessKey).query(BallotRepository::toDecision).optional();
    }

    public Optional<Decision> decision(String voteId) {
        return jdbc.sql("select * from board_decision where vote_id = ?").param(voteId)
                .query(BallotRepository::toDecision).optional();
    }

    /**
     * The register of decisions of these clusters, newest first: all of them, or those whose question, reasons or
     * outcome statement hold the words searched for.
     */
    public List<Decision> decisions(Collection<String> clusterIds, String search, int limit) {
        if (clusterIds.isEmpty()) {
            return List.of();
        }
        String pattern = search == null || search.isBlank() ? null
                : "%" + search.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                select * from board_decision where cluster_id in (:clusters)
                  and (cast(:pattern as text) is null or title ilike :pattern or coalesce(reason, '') ilike :pattern
                       or coalesce(statement, '') ilike :pattern)
                order by decided_at desc limit :limit""")
                .param("clusters", clusterIds).param("pattern", pattern).param("limit", limit)
                .query(BallotRepository::toDecision).list();
    }

    /** The votes a person cast, newest first: vote id (in place of the voter), choice, comment, time. */
    public List<Ballot> ballotsOf(String voter) {
        return jdbc.sql("select vote_id, choice, choice_label, comment, cast_at from board_ballot where voter = ? "
                        + "order by cast_at desc limit 100")
                .param(voter)
                .query((rs, n) -> new Ballot(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    private static Decision toDecision(ResultSet rs, int n) throws SQLException {
        return new Decision(rs.getString("vote_id"), rs.getString("business_key"), rs.getString("title"),
                rs.getString("decision"), rs.getString("reason"), rs.getInt("approvals"), rs.getInt("rejections"),
                rs.getInt("abstentions"), rs.getTimestamp("decided_at").toInstant(), rs.getString("statement"),
                rs.getString("decision_label"), rs.getString("question_uk"), rs.getString("question_en"));
    }

    public Tally tally(String voteId, int eligible, int quorum) {
        return counted(ballots(voteId), eligible, quorum);
    }

    /** The ballots counted by choice, for a vote with this many voters and this quorum. */
    public static Tally counted(List<Ballot> ballots, int eligible, int quorum) {
        return new Tally(eligible, quorum, count(ballots, Tally.APPROVE),
                count(ballots, Tally.REJECT), count(ballots, Tally.ABSTAIN));
    }

    private static int count(List<Ballot> ballots, String choice) {
        return (int) ballots.stream().filter(b -> choice.equals(b.choice())).count();
    }
}
