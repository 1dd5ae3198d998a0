package ua.clusterflow.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.MembershipStatus;

/** Computes a cluster's dashboard from its members, cases, the engine's history and the coordinator's records. */
@Service
public class DashboardService {

    static final int TARGET_MEMBERS = 25;
    static final int TARGET_STAFF = 2;
    static final int TARGET_EU_PROJECTS = 1;
    static final int TARGET_PLAN_SHARE = 30;
    static final int TARGET_SERVICES = 2;
    static final int MIN_MEMBERS_STAGE_ONE = 10;
    static final int ECCP_MEMBERS = 15;
    static final BigDecimal ECCP_STAFF_FTE = new BigDecimal("0.5");
    /** Grant letters and export activities in a span of time: a cluster's regular services to its members. */
    private static final String FUNDRAISING = """
            select count(*) from case_event e join case_record c on c.business_key = e.business_key
            where c.cluster_id = ? and e.action = 'grant-letter' and e.at >= ? and e.at < ?""";
    private static final String EXPORTS = """
            select count(*) from export_activity where cluster_id = ? and held_on >= ? and held_on < ?""";

    static final List<String> PROCESSES = List.of("MemberOnboarding", "GrantApplication", "TechMeetup",
            "BoardRoleDelegation", "BoardVote");
    static final List<List<String>> TOOLS = List.of(List.of("networking", "training", "experienceExchange"),
            List.of("matchmaking", "cooperationProjects", "fundraising"), List.of("export", "governmentRelations",
                    "cooperation"), List.of("businessModel"));
    static final String EU_COUNTRIES = "('AT','BE','BG','HR','CY','CZ','DK','EE','FI','FR','DE','GR','HU','IE','IT',"
            + "'LV','LT','LU','MT','NL','PL','PT','RO','SK','SI','ES','SE')";
    private static final double DAY = 86_400_000.0;

    private final JdbcClient jdbc;
    private final ClusterDirectory directory;
    private final ClusterRecords records;

    public DashboardService(JdbcClient jdbc, ClusterDirectory directory, ClusterRecords records) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.records = records;
    }

    public Dashboard forCluster(String clusterId) {
        Facts facts = facts(clusterId);
        Quarter now = Quarter.of(AppClock.today());
        Map<String, Integer> fundraising = byQuarter(clusterId, FUNDRAISING, true);
        Map<String, Integer> exports = byQuarter(clusterId, EXPORTS, false);
        Map<String, Integer> meetups = byQuarter(clusterId, """
                select count(*) from case_event e join case_record c on c.business_key = e.business_key
                where c.cluster_id = ? and e.action = 'meetup-reported' and e.at >= ? and e.at < ?""", true);
        int services = (fundraising.get(now.toString()) > 0 ? 1 : 0) + (exports.get(now.toString()) > 0 ? 1 : 0);
        List<Figure> targets = targets(facts, services);
        return new Dashboard(clusterId, directory.clusterName(clusterId), targets, membersByMonth(clusterId),
                fundraising, exports, meetups, facts.funds, feeIncome(clusterId), churn(clusterId),
                facts.introductions, maturity(clusterId, facts),
                eccp(facts), processes(clusterId), steps(clusterId), people(clusterId), onboardingFunnel(clusterId),
                grantSuccessRate(clusterId), followUps(clusterId), guestsCheckedIn(clusterId));
    }

    /**
     * A cluster's line in the alliance view: its targets, funds, introductions, stage, open and overdue tasks and grant
     * success, from the statements those need alone, not the whole dashboard's.
     */
    public AllianceRow allianceRow(String clusterId) {
        Facts facts = facts(clusterId);
        Quarter now = Quarter.of(AppClock.today());
        int fundraising = count(FUNDRAISING, clusterId, AppClock.startOf(now.start()), AppClock.startOf(now.end()));
        int exports = count(EXPORTS, clusterId, now.start(), now.end());
        Collection<OpenTasks> open = openTasks(clusterId).values();
        return new AllianceRow(clusterId, directory.clusterName(clusterId),
                targets(facts, (fundraising > 0 ? 1 : 0) + (exports > 0 ? 1 : 0)), facts.funds, facts.introductions,
                maturity(clusterId, facts).stage(), open.stream().mapToLong(OpenTasks::tasks).sum(),
                open.stream().mapToLong(OpenTasks::overdue).sum(), grantSuccessRate(clusterId));
    }

    private static List<Figure> targets(Facts facts, int services) {
        return List.of(new Figure("activeMembers", facts.members, TARGET_MEMBERS),
                new Figure("executiveStaff", facts.staff, TARGET_STAFF),
                new Figure("euProjects", facts.euProjects, TARGET_EU_PROJECTS),
                new Figure("regularServices", services, TARGET_SERVICES),
                new Figure("planShare", facts.planShare(), TARGET_PLAN_SHARE));
    }

    /** The guests checked in at the door of the cluster's meetups this year, each person once a meetup. */
    private int guestsCheckedIn(String clusterId) {
        return count("""
                select count(*) from meetup_registration r join meetup m on m.id = r.meetup_id
                where m.cluster_id = ? and r.checked_in_at >= ?""", clusterId,
                java.sql.Timestamp.from(AppClock.today().withDayOfYear(1).atStartOfDay(AppClock.KYIV).toInstant()));
    }

    private Dashboard.FollowUps followUps(String clusterId) {
        return jdbc.sql("""
                select count(*), count(*) filter (where status = 'DONE'),
                       count(*) filter (where status = 'OPEN' and due_on < ?),
                       count(distinct source_ref) filter (where source_kind = 'introduction' and led_to is not null)
                from follow_up where cluster_id = ?""")
                .params(java.sql.Date.valueOf(AppClock.today()), clusterId)
                .query((rs, n) -> new Dashboard.FollowUps(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .single();
    }

    /** The counts the targets, the maturity stage and the checklist are judged by. */
    private record Facts(int members, int staff, int euProjects, double funds, int introductions, int planItems,
                         int planTaken, int paidMembers, int meetups, int reportedMeetups, int grants,
                         int describedOffers, int memberTypes, int missions, int activeRoles,
                         ClusterRecords.Profile profile) {

        int planShare() {
            return planItems == 0 ? 0 : (int) Math.round(planTaken * 100.0 / planItems);
        }
    }

    private Facts facts(String clusterId) {
        return new Facts(
                count("select count(*) from member_organisation where cluster_id = ? "
                        + "and status in ('CURRENT', 'IN_GRACE')", clusterId),
                directory.peopleWithRole(clusterId, Role.COORDINATOR).size(),
                count("select count(*) from grant_application g where g.cluster_id = ? and g.status = 'FUNDED' "
                        + "and (select count(*) from grant_partner p where p.application_id = g.id and p.country in "
                        + EU_COUNTRIES + ") >= 2", clusterId),
                jdbc.sql("select coalesce(sum(amount_granted), 0) from grant_application where cluster_id = ? "
                        + "and status = 'FUNDED'").param(clusterId).query(Double.class).single(),
                count("select count(*) from introduction where cluster_id = ?", clusterId),
                count("select count(*) from regional_plan_item where cluster_id = ?", clusterId),
                count("select count(*) from regional_plan_item where cluster_id = ? and participates", clusterId),
                count("select count(*) from member_organisation where cluster_id = ? and status in ('CURRENT', 'IN_GRACE')"
                        + " and paid_until > ?", clusterId, AppClock.today()),
                count("select count(*) from meetup where cluster_id = ? and status in ('OPEN','HELD','REPORTED')",
                        clusterId),
                count("select count(*) from meetup where cluster_id = ? and status = 'REPORTED'", clusterId),
                count("select count(*) from grant_application where cluster_id = ? and status <> 'DRAFT'", clusterId),
                count("select count(*) from member_organisation where cluster_id = ? and coalesce(offers, '') <> '' "
                        + "and status in ('CURRENT', 'IN_GRACE')", clusterId),
                count("select count(distinct category) from member_organisation where cluster_id = ? and "
                        + "status in ('CURRENT', 'IN_GRACE')", clusterId),
                count("select count(*) from export_activity where cluster_id = ? and kind = 'MISSION'", clusterId),
                count("select count(*) from role_term where cluster_id = ? and status = 'ACTIVE'", clusterId),
                records.profile(clusterId).orElse(ClusterRecords.Profile.NONE));
    }

    /**
     * The exit criteria of the maturity model (seeds, Fig. 7) as the cases and records show them; the cluster is in
     * the first stage whose exit criteria are not all met.
     */
    private Dashboard.Maturity maturity(String clusterId, Facts f) {
        LocalDate strategy = f.profile.strategyAdopted();
        List<Criterion> initialTrust = List.of(
                new Criterion("formalOrganisation", true, directory.clusterName(clusterId)),
                new Criterion("minimumMembers", f.members >= MIN_MEMBERS_STAGE_ONE, f.members + " / 10–15"),
                new Criterion("planAndStrategy", strategy != null, strategy == null ? "—" : strategy.toString()),
                new Criterion("membershipFees", f.members > 0 && f.paidMembers * 2 >= f.members,
                        f.paidMembers + " / " + f.members),
                new Criterion("initialPromotion", f.meetups >= 1, String.valueOf(f.meetups)));
        List<Criterion> growth = List.of(
                new Criterion("deeperPlans", strategy != null && f.planItems >= 1, String.valueOf(f.planItems)),
                new Criterion("specialisation", f.members > 0 && f.describedOffers * 2 >= f.members,
                        f.describedOffers + " / " + f.members),
                new Criterion("valueChains", f.introductions >= 1, String.valueOf(f.introductions)),
                new Criterion("newProjects", f.grants >= 1, String.valueOf(f.grants)),
                new Criterion("jointInitiatives", f.reportedMeetups >= 1, String.valueOf(f.reportedMeetups)));
        List<Criterion> expansion = List.of(
                new Criterion("internationalCooperation", f.missions + f.euProjects >= 1,
                        f.missions + " + " + f.euProjects),
                new Criterion("influence", f.planItems > 0 && f.planShare() >= TARGET_PLAN_SHARE,
                        f.planTaken + " / " + f.planItems + " = " + f.planShare() + "%"),
                new Criterion("workingGroups", f.profile.workingGroups() >= 1,
                        String.valueOf(f.profile.workingGroups())),
                new Criterion("coalitions", f.profile.coalitions() >= 1, String.valueOf(f.profile.coalitions())),
                new Criterion("managementTeam", f.staff >= TARGET_STAFF && f.activeRoles >= 2,
                        f.staff + " / " + TARGET_STAFF + ", " + f.activeRoles + " / 2"));
        List<List<Criterion>> criteria = List.of(initialTrust, growth, expansion);
        int stage = 0;
        while (stage < criteria.size() && criteria.get(stage).stream().allMatch(Criterion::met)) {
            stage++;
        }
        return new Dashboard.Maturity(stage, criteria, TOOLS.get(stage),
                stage + 1 < TOOLS.size() ? TOOLS.get(stage + 1) : List.of());
    }

    /** The European Cluster Collaboration Platform's conditions for a cluster profile. */
    private List<Criterion> eccp(Facts f) {
        return List.of(
                new Criterion("eccpStaff", f.profile.staffFte().compareTo(ECCP_STAFF_FTE) >= 0,
                        f.profile.staffFte().stripTrailingZeros().toPlainString() + " / 0.5"),
                new Criterion("eccpMembers", f.paidMembers >= ECCP_MEMBERS, f.paidMembers + " / " + ECCP_MEMBERS),
                new Criterion("eccpMemberTypes", f.memberTypes >= 2, f.memberTypes + " / 2"));
    }

    /** The membership dues paid in the calendar year so far: the cluster's own income, in hryvnias. */
    private double feeIncome(String clusterId) {
        java.time.LocalDate from = AppClock.today().withDayOfYear(1);
        return jdbc.sql("""
                select coalesce(sum(d.amount), 0) from membership_dues d
                join member_organisation o on o.id = d.organisation_id
                where o.cluster_id = ? and d.paid_on >= ? and d.paid_on < ?""")
                .params(clusterId, from, from.plusYears(1)).query(Double.class).single();
    }

    /** The members that lapsed, resigned or were excluded in the calendar year so far and have not come back. */
    private int churn(String clusterId) {
        return jdbc.sql("""
                select count(*) from member_organisation where cluster_id = :cluster and status in (:gone)
                and status_since >= :since""").param("cluster", clusterId).param("gone", GONE)
                .param("since", AppClock.today().withDayOfYear(1)).query(Integer.class).single();
    }

    /** The statuses of members that left or stopped paying: every one that is not active. */
    private static final List<String> GONE = Arrays.stream(MembershipStatus.values()).filter(s -> !s.active())
            .map(Enum::name).toList();

    private Map<String, Integer> membersByMonth(String clusterId) {
        Map<String, Integer> trend = new LinkedHashMap<>();
        YearMonth now = YearMonth.from(AppClock.today());
        for (int back = 5; back >= 0; back--) {
            YearMonth month = now.minusMonths(back);
            // the members at the end of the month: one that left before then is not among them
            java.time.LocalDate next = month.atEndOfMonth().plusDays(1);
            trend.put(month.toString(), count("select count(*) from member_organisation where cluster_id = ? "
                    + "and joined_at < ? and (status in ('CURRENT', 'IN_GRACE') or status_since >= ?)", clusterId,
                    AppClock.startOf(next), next));
        }
        return trend;
    }

    /** A count over the last four quarters, this one last; {@code instants} when the query compares timestamps. */
    private Map<String, Integer> byQuarter(String clusterId, String sql, boolean instants) {
        Map<String, Integer> quarters = new LinkedHashMap<>();
        Quarter now = Quarter.of(AppClock.today());
        for (int back = 3; back >= 0; back--) {
            Quarter q = now.minus(back);
            quarters.put(q.toString(), instants ? count(sql, clusterId, AppClock.startOf(q.start()), AppClock.startOf(q.end()))
                    : count(sql, clusterId, q.start(), q.end()));
        }
        return quarters;
    }

    /** Open and overdue tasks of one process. */
    private record OpenTasks(long tasks, long overdue) {
    }

    /** The open and overdue tasks of the cluster's processes that the dashboard follows, by process key. */
    private Map<String, OpenTasks> openTasks(String clusterId) {
        Map<String, OpenTasks> open = new LinkedHashMap<>();
        jdbc.sql("""
                select d.key_, count(*), count(*) filter (where t.due_date_ < ?) from act_ru_task t
                join act_re_procdef d on d.id_ = t.proc_def_id_ where t.tenant_id_ = ? group by d.key_""")
                .params(AppClock.nowDate(), clusterId)
                .query(rs -> {
                    if (PROCESSES.contains(rs.getString(1))) {
                        open.put(rs.getString(1), new OpenTasks(rs.getLong(2), rs.getLong(3)));
                    }
                });
        return open;
    }

    private List<Dashboard.ProcessFigures> processes(String clusterId) {
        record Cycle(long finished, long medianMillis, long p90Millis) {
        }
        Map<String, OpenTasks> open = openTasks(clusterId);
        Map<String, Cycle> cycles = new LinkedHashMap<>();
        jdbc.sql("""
                select proc_def_key_, count(*), percentile_disc(0.5) within group (order by duration_),
                percentile_disc(0.9) within group (order by duration_) from act_hi_procinst
                where tenant_id_ = ? and end_time_ is not null and duration_ is not null group by proc_def_key_""")
                .param(clusterId)
                .query(rs -> {
                    cycles.put(rs.getString(1), new Cycle(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                });
        List<Dashboard.ProcessFigures> figures = new ArrayList<>();
        for (String key : PROCESSES) {
            OpenTasks tasks = open.getOrDefault(key, new OpenTasks(0, 0));
            Cycle cycle = cycles.get(key);
            figures.add(new Dashboard.ProcessFigures(key, tasks.tasks(), tasks.overdue(),
                    cycle == null ? 0 : cycle.finished(), cycle == null ? null : cycle.medianMillis() / DAY,
                    cycle == null ? null : cycle.p90Millis() / DAY));
        }
        return figures;
    }

    private List<Dashboard.StepFigures> steps(String clusterId) {
        return jdbc.sql("""
                select proc_def_key_, task_def_key_, count(*), percentile_disc(0.5) within group (order by duration_),
                percentile_disc(0.9) within group (order by duration_) from act_hi_taskinst
                where tenant_id_ = ? and end_time_ is not null and duration_ is not null and delete_reason_ = 'completed'
                group by proc_def_key_, task_def_key_ order by proc_def_key_, task_def_key_""")
                .param(clusterId)
                .query((rs, n) -> new Dashboard.StepFigures(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4) / DAY, rs.getLong(5) / DAY))
                .list();
    }

    private List<Dashboard.PersonLoad> people(String clusterId) {
        return jdbc.sql("""
                select assignee_, count(*), count(*) filter (where due_date_ < ?) from act_ru_task
                where tenant_id_ = ? group by assignee_ order by count(*) desc, assignee_ nulls last""")
                .params(AppClock.nowDate(), clusterId)
                .query((rs, n) -> new Dashboard.PersonLoad(rs.getString(1),
                        rs.getString(1) == null ? null : directory.displayName(rs.getString(1)), rs.getLong(2),
                        rs.getLong(3)))
                .list();
    }

    private Map<String, Integer> onboardingFunnel(String clusterId) {
        Map<String, Integer> funnel = new LinkedHashMap<>();
        funnel.put("applied", count("select count(*) from onboarding_application where cluster_id = ? "
                + "and status <> 'DUPLICATE'", clusterId));
        funnel.put("approved", count("select count(*) from onboarding_application where cluster_id = ? "
                + "and status in ('AWAITING_PAYMENT', 'PAYMENT_CANCELLED', 'MEMBER')", clusterId));
        funnel.put("paid", count("select count(*) from onboarding_application where cluster_id = ? and status = 'MEMBER'",
                clusterId));
        return funnel;
    }

    private Double grantSuccessRate(String clusterId) {
        int decided = count("select count(*) from grant_application where cluster_id = ? "
                + "and status in ('FUNDED', 'REJECTED', 'RESERVE')", clusterId);
        int funded = count("select count(*) from grant_application where cluster_id = ? and status = 'FUNDED'", clusterId);
        return decided == 0 ? null : funded * 100.0 / decided;
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }
}
