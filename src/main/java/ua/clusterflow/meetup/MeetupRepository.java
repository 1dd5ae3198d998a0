package ua.clusterflow.meetup;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ua.clusterflow.base.AppClock;

@Repository
public class MeetupRepository {

    public record Expert(long id, long meetupId, int round, String name, String email, String category,
                         ExpertAnswer answer, String language) {

        public boolean accepted() {
            return answer == ExpertAnswer.ACCEPTED;
        }

        public boolean declined() {
            return answer == ExpertAnswer.DECLINED;
        }
    }

    public record Registration(long id, long meetupId, String name, String organisation, String email, String mode,
                               RegistrationStatus status, String language, Instant checkedInAt) {

        public boolean confirmed() {
            return status == RegistrationStatus.CONFIRMED;
        }

        public boolean waiting() {
            return status == RegistrationStatus.WAITING;
        }

        public boolean cancelled() {
            return status == RegistrationStatus.CANCELLED;
        }

        public boolean checkedIn() {
            return checkedInAt != null;
        }
    }

    private final JdbcClient jdbc;

    public MeetupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Meetup insert(String clusterId, String proposedBy, String segment, String challenge, String format,
                         LocalDate from, LocalDate to) {
        long id = jdbc.sql("""
                with next as (select nextval(pg_get_serial_sequence('meetup', 'id')) as id)
                insert into meetup (id, reference, cluster_id, proposed_by, status, segment, challenge, format,
                                    window_from, window_to, created_at)
                select next.id, 'MEE-' || lpad(next.id::text, greatest(5, length(next.id::text)), '0'), ?, ?, 'PROPOSED', ?, ?, ?, ?, ?, ? from next
                returning id""")
                .params(clusterId, proposedBy, segment, challenge, format, Date.valueOf(from), Date.valueOf(to),
                        Timestamp.from(AppClock.now()))
                .query(Long.class).single();
        return get(id);
    }

    public void plan(long id, Instant startsAt, Instant endsAt, String venue, String onlineLink, int offline,
                     int online, BigDecimal budget) {
        jdbc.sql("""
                update meetup set starts_at = ?, ends_at = ?, venue = ?, online_link = ?, capacity_offline = ?,
                    capacity_online = ?, budget = ?, status = 'PLANNED' where id = ?""")
                .params(Timestamp.from(startsAt), Timestamp.from(endsAt), venue, onlineLink, offline, online, budget, id)
                .update();
    }

    /** A new date or place after the announcement: the calendar entry's next sequence goes with it. */
    public void replan(long id, Instant startsAt, Instant endsAt, String venue, String onlineLink) {
        jdbc.sql("""
                update meetup set starts_at = ?, ends_at = ?, venue = ?, online_link = ?,
                    calendar_sequence = calendar_sequence + 1 where id = ?""")
                .params(Timestamp.from(startsAt), Timestamp.from(endsAt), venue, onlineLink, id).update();
    }

    public void outcome(long id, Integer attendance, String summary, String agendaItems, String followUps) {
        jdbc.sql("update meetup set attendance = ?, summary = ?, agenda_items = ?, follow_ups = ? where id = ?")
                .params(attendance, summary, agendaItems, followUps, id).update();
    }

    public void setStatus(long id, MeetupStatus status) {
        jdbc.sql("update meetup set status = ? where id = ?").params(status.name(), id).update();
    }

    public Meetup get(long id) {
        return jdbc.sql("select * from meetup where id = ?").param(id).query(MeetupRepository::toMeetup).single();
    }

    /** The meetup, locked until the end of the transaction: registrations for it queue up here. */
    public Meetup lock(long id) {
        return jdbc.sql("select * from meetup where id = ? for update").param(id).query(MeetupRepository::toMeetup)
                .single();
    }

    public Optional<Meetup> byReference(String reference) {
        return jdbc.sql("select * from meetup where reference = ?").param(reference).query(MeetupRepository::toMeetup)
                .optional();
    }

    /** Whether the meetup was ever announced (opened for registration), also when it was cancelled since. */
    public boolean wasAnnounced(String reference) {
        return jdbc.sql("select count(*) from case_event where business_key = ? and action = 'meetup-announced'")
                .param(reference).query(Long.class).single() > 0;
    }

    public List<Meetup> ofClusters(Collection<String> clusterIds) {
        if (clusterIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from meetup where cluster_id in (:ids) order by coalesce(starts_at, window_from::timestamptz) desc")
                .param("ids", clusterIds).query(MeetupRepository::toMeetup).list();
    }

    /** An expert who took part in earlier meetups of the cluster: their latest name and category, and those meetups. */
    public record PastExpert(String name, String email, String category, boolean sameSegment, List<String> meetups) {
    }

    /**
     * The experts who accepted and took part in the cluster's earlier meetups (not cancelled), those of the same
     * segment first, then the category asked for, then the most meetups; none already invited to this one.
     */
    public List<PastExpert> pastExperts(String clusterId, long meetupId, String segment, String category) {
        return jdbc.sql("""
                select (array_agg(e.name order by m.starts_at desc))[1] as name,
                       (array_agg(e.email order by m.starts_at desc))[1] as email,
                       (array_agg(e.category order by m.starts_at desc))[1] as category,
                       bool_or(lower(m.segment) = lower(:segment)) as same_segment,
                       bool_or(e.category = :category) as same_category,
                       string_agg(m.segment || ' (' || to_char(m.starts_at at time zone 'Europe/Kyiv', 'DD.MM.YYYY') || ')',
                                  '; ' order by m.starts_at desc) as meetups,
                       count(*) as taken
                from meetup_expert e join meetup m on m.id = e.meetup_id
                where m.cluster_id = :cluster and m.id <> :meetup and e.answer = 'accepted' and m.starts_at is not null
                  and m.status in ('OPEN', 'HELD', 'REPORTED')
                  and lower(e.email) not in (select lower(email) from meetup_expert where meetup_id = :meetup)
                group by lower(e.email)
                order by same_segment desc, same_category desc, taken desc, name limit 10""")
                .param("segment", segment).param("category", category == null ? "" : category)
                .param("cluster", clusterId).param("meetup", meetupId)
                .query((rs, n) -> new PastExpert(rs.getString("name"), rs.getString("email"), rs.getString("category"),
                        rs.getBoolean("same_segment"), List.of(rs.getString("meetups").split("; "))))
                .list();
    }

    public long addExpert(long meetupId, int round, String name, String email, String category, String language) {
        return jdbc.sql("insert into meetup_expert (meetup_id, round, name, email, category, language) "
                        + "values (?, ?, ?, ?, ?, ?) returning id")
                .params(meetupId, round, name, email, category, language).query(Long.class).single();
    }

    public int currentRound(long meetupId) {
        return jdbc.sql("select coalesce(max(round), 0) from meetup_expert where meetup_id = ?").param(meetupId)
                .query(Integer.class).single();
    }

    public List<Expert> experts(long meetupId) {
        return jdbc.sql("select * from meetup_expert where meetup_id = ? order by round, id").param(meetupId)
                .query(MeetupRepository::toExpert).list();
    }

    public Optional<Expert> expert(long id) {
        return jdbc.sql("select * from meetup_expert where id = ?").param(id).query(MeetupRepository::toExpert).optional();
    }

    /** Records an expert's answer once; false when they answered already. */
    public boolean answer(long expertId, ExpertAnswer answer) {
        return jdbc.sql("update meetup_expert set answer = ?, answered_at = ? where id = ? and answer is null")
                .params(answer.stored(), Timestamp.from(AppClock.now()), expertId).update() == 1;
    }

    public int countRegistrations(long meetupId, String mode, RegistrationStatus status) {
        return jdbc.sql("select count(*) from meetup_registration where meetup_id = ? and mode = ? and status = ?")
                .params(meetupId, mode, status.name()).query(Integer.class).single();
    }

    public boolean registered(long meetupId, String email) {
        return jdbc.sql("select count(*) from meetup_registration where meetup_id = ? and lower(email) = lower(?) "
                        + "and status <> 'CANCELLED'")
                .params(meetupId, email).query(Long.class).single() > 0;
    }

    public long register(long meetupId, String name, String organisation, String email, String mode,
                         RegistrationStatus status, String language) {
        return jdbc.sql("insert into meetup_registration (meetup_id, name, organisation, email, mode, status, language, "
                        + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(meetupId, name, organisation, email, mode, status.name(), language,
                        Timestamp.from(AppClock.now()))
                .query(Long.class).single();
    }

    public Optional<Registration> registration(long id) {
        return jdbc.sql("select * from meetup_registration where id = ?").param(id)
                .query(MeetupRepository::toRegistration).optional();
    }

    public List<Registration> registrations(long meetupId) {
        return jdbc.sql("select * from meetup_registration where meetup_id = ? order by id").param(meetupId)
                .query(MeetupRepository::toRegistration).list();
    }

    public void setRegistrationStatus(long id, RegistrationStatus status) {
        jdbc.sql("update meetup_registration set status = ? where id = ?").params(status.name(), id).update();
    }

    /** The first on the waiting list for a mode, if any. */
    public Optional<Registration> firstWaiting(long meetupId, String mode) {
        return jdbc.sql("select * from meetup_registration where meetup_id = ? and mode = ? and status = 'WAITING' "
                        + "order by id limit 1")
                .params(meetupId, mode).query(MeetupRepository::toRegistration).optional();
    }

    private static Meetup toMeetup(ResultSet rs, int n) throws SQLException {
        Timestamp starts = rs.getTimestamp("starts_at");
        Timestamp ends = rs.getTimestamp("ends_at");
        return new Meetup(rs.getLong("id"), rs.getString("reference"), rs.getString("cluster_id"),
                rs.getString("proposed_by"), MeetupStatus.valueOf(rs.getString("status")), rs.getString("segment"),
                rs.getString("challenge"), rs.getString("format"), rs.getDate("window_from").toLocalDate(),
                rs.getDate("window_to").toLocalDate(), starts == null ? null : starts.toInstant(),
                ends == null ? null : ends.toInstant(), rs.getString("venue"), rs.getString("online_link"),
                rs.getInt("capacity_offline"), rs.getInt("capacity_online"), rs.getBigDecimal("budget"),
                rs.getString("summary"), rs.getObject("attendance", Integer.class), rs.getString("agenda_items"),
                rs.getString("follow_ups"), rs.getInt("calendar_sequence"));
    }

    private static Expert toExpert(ResultSet rs, int n) throws SQLException {
        return new Expert(rs.getLong("id"), rs.getLong("meetup_id"), rs.getInt("round"), rs.getString("name"),
                rs.getString("email"), rs.getString("category"), ExpertAnswer.of(rs.getString("answer")), rs.getString("language"));
    }

    /**
     * Checks a confirmed guest in at the door; false when they were checked in already (a second tap on the same
     * row) or hold no place.
     */
    public boolean checkIn(long meetupId, long registrationId, String by) {
        return jdbc.sql("""
                update meetup_registration set checked_in_at = ?, checked_in_by = ?
                where id = ? and meetup_id = ? and status = 'CONFIRMED' and checked_in_at is null""")
                .params(Timestamp.from(AppClock.now()), by, registrationId, meetupId).update() > 0;
    }

    public int countCheckedIn(long meetupId) {
        return jdbc.sql("select count(*) from meetup_registration where meetup_id = ? and checked_in_at is not null")
                .param(meetupId).query(Integer.class).single();
    }

    private static Registration toRegistration(ResultSet rs, int n) throws SQLException {
        return new Registration(rs.getLong("id"), rs.getLong("meetup_id"), rs.getString("name"),
                rs.getString("organisation"), rs.getString("email"), rs.getString("mode"),
                RegistrationStatus.valueOf(rs.getString("status")),
                rs.getString("language"), rs.getTimestamp("checked_in_at") == null ? null
                        : rs.getTimestamp("checked_in_at").toInstant());
    }
}
