package ua.clusterflow.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.MembershipStatus;
import ua.clusterflow.tasklist.ClusterFigure;
import ua.clusterflow.tasklist.ClusterFigures;
import ua.clusterflow.tasklist.ProcessFigures;
import ua.clusterflow.tasklist.ProcessFigures.OpenTasks;

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
    private static final double DAY = 86_400_000.0;

    private final JdbcClient jdbc;
    private final ClusterDirectory directory;
    private final ClusterRecords records;
    private final List<ClusterFigures> features;
    private final ProcessFigures engine;

    public DashboardService(JdbcClient jdbc, ClusterDirectory directory, ClusterRecords records,
                            List<ClusterFigures> features, ProcessFigures engine) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.records = records;
        this.features = features;
        this.engine = engine;
    }

    /** Every feature's figures about the cluster, each asked once. */
    private Map<ClusterFigure, Number> figures(String clusterId) {
        Map<ClusterFigure, Number> figures = new EnumMap<>(ClusterFigure.class);
        for (ClusterFigures feature : features) {
            figures.putAll(feature.figures(clusterId));
        }
        return figures;
    }

    private static int count(Map<ClusterFigure, Number> figures, ClusterFigure figure) {
        return figures.getOrDefault(figure, 0).intValue();
    }

    public Dashboard forCluster(String clusterId) {
        Map<ClusterFigure, Number> figures = figures(clusterId);
        Facts facts = facts(clusterId, figures);
        Quarter now = Quarter.of(AppClock.today());
        Map<String, Integer> fundraising = byQuarter(clusterId, FUNDRAISING, true);
        Map<String, Integer> exports = byQuarter(clusterId, EXPORTS, false);
        Map<String, Integer> meetups = byQuarter(clusterId, """
                select count(*) from case_event e join case_record c on c.business_key = e.business_key
                where c.cluster_id = ? and e.action = 'meetup-reported' and e.at >= ? and e.at < ?""", true);
        int services = (fundraising.get(now.toString()) > 0 ? 1 : 0) + (exports.get(now.toString()) > 0 ? 1 : 0);
        List<Figure> targets = targets(facts, services);
        return new Dashboard(clusterId, directory.clusterName(clusterId), targets, membersByMonth(clusterId),
                fundraising, exports, meetups, facts.funds,
                figures.getOrDefault(ClusterFigure.FEE_INCOME_THIS_YEAR_UAH, 0).doubleValue(), churn(clusterId),
                facts.introductions, maturity(clusterId, facts),
                eccp(facts), processes(clusterId), steps(clusterId), people(clusterId), onboardingFunnel(figures),
                grantSuccessRate(figures), followUps(figures), count(figures, ClusterFigure.GUESTS_CHECKED_IN_THIS_YEAR));
    }

    /**
     * A cluster's line in the alliance view: its targets, funds, introductions, stage, open and overdue tasks and grant
     * success, from the statements those need alone, not the whole dashboard's.
     */
    public AllianceRow allianceRow(String clusterId) {
        Map<ClusterFigure, Number> figures = figures(clusterId);
        Facts facts = facts(clusterId, figures);
        Quarter now = Quarter.of(AppClock.today());
        int fundraising = count(FUNDRAISING, clusterId, AppClock.startOf(now.start()), AppClock.startOf(now.end()));
        int exports = count(EXPORTS, clusterId, now.start(), now.end());
        Collection<OpenTasks> open = openTasks(clusterId).values();
        return new AllianceRow(clusterId, directory.clusterName(clusterId),
                targets(facts, (fundraising > 0 ? 1 : 0) + (exports > 0 ? 1 : 0)), facts.funds, facts.introductions,
                maturity(clusterId, facts).stage(), open.stream().mapToLong(OpenTasks::tasks).sum(),
                open.stream().mapToLong(OpenTasks::overdue).sum(), grantSuccessRate(figures));
    }

    private static List<Figure> targets(Facts facts, int services) {
        return List.of(new Figure("activeMembers", facts.members, TARGET_MEMBERS),
                new Figure("executiveStaff", facts.staff, TARGET_STAFF),
                new Figure("euProjects", facts.euProjects, TARGET_EU_PROJECTS),
                new Figure("regularServices", services, TARGET_SERVICES),
                new Figure("planShare", facts.planShare(), TARGET_PLAN_SHARE));
    }

    private static Dashboard.FollowUps followUps(Map<ClusterFigure, Number> figures) {
        return new Dashboard.FollowUps(count(figures, ClusterFigure.FOLLOW_UPS),
                count(figures, ClusterFigure.FOLLOW_UPS_DONE), count(figures, ClusterFigure.FOLLOW_UPS_OVERDUE),
                count(figures, ClusterFigure.INTRODUCTIONS_FOLLOWED_UP));
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

    private Facts facts(String clusterId, Map<ClusterFigure, Number> figures) {
        return new Facts(
                count("select count(*) from member_organisation where cluster_id = ? "
                        + "and status in ('CURRENT', 'IN_GRACE')", clusterId),
                directory.peopleWithRole(clusterId, Role.COORDINATOR).size(),
                count(figures, ClusterFigure.GRANTS_FUNDED_WITH_EU_PARTNERS),
                figures.getOrDefault(ClusterFigure.FUNDS_GRANTED_EUR, 0).doubleValue(),
                count("select count(*) from introduction where cluster_id = ?", clusterId),
                count("select count(*) from regional_plan_item where cluster_id = ?", clusterId),
                count("select count(*) from regional_plan_item where cluster_id = ? and participates", clusterId),
                count("select count(*) from member_organisation where cluster_id = ? and status in ('CURRENT', 'IN_GRACE')"
                        + " and paid_until > ?", clusterId, AppClock.today()),
                count(figures, ClusterFigure.MEETUPS_HELD),
                count(figures, ClusterFigure.MEETUPS_REPORTED),
                count(figures, ClusterFigure.GRANTS_SUBMITTED),
                count("select count(*) from member_organisation where cluster_id = ? and coalesce(offers, '') <> '' "
                        + "and status in ('CURRENT', 'IN_GRACE')", clusterId),
                count("select count(distinct category) from member_organisation where cluster_id = ? and "
                        + "status in ('CURRENT', 'IN_GRACE')", clusterId),
                count("select count(*) from export_activity where cluster_id = ? and kind = 'MISSION'", clusterId),
                count(figures, ClusterFigure.ROLES_ACTIVE),
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
            LocalDate next = month.atEndOfMonth().plusDays(1);
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

    /** The open and overdue tasks of the cluster's processes that the dashboard follows, by process key. */
    private Map<String, OpenTasks> openTasks(String clusterId) {
        Map<String, OpenTasks> open = new LinkedHashMap<>(engine.openTasks(clusterId));
        open.keySet().retainAll(PROCESSES);
        return open;
    }

    private List<Dashboard.ProcessFigures> processes(String clusterId) {
        Map<String, OpenTasks> open = openTasks(clusterId);
        Map<String, ProcessFigures.Cycle> cycles = engine.cycles(clusterId);
        List<Dashboard.ProcessFigures> figures = new ArrayList<>();
        for (String key : PROCESSES) {
            OpenTasks tasks = open.getOrDefault(key, new OpenTasks(0, 0));
            ProcessFigures.Cycle cycle = cycles.get(key);
            figures.add(new Dashboard.ProcessFigures(key, tasks.tasks(), tasks.overdue(),
                    cycle == null ? 0 : cycle.finished(), cycle == null ? null : cycle.medianMillis() / DAY,
                    cycle == null ? null : cycle.p90Millis() / DAY));
        }
        return figures;
    }

    private List<Dashboard.StepFigures> steps(String clusterId) {
        return engine.steps(clusterId).stream().map(s -> new Dashboard.StepFigures(s.processKey(), s.stepId(),
                s.completed(), s.medianMillis() / DAY, s.p90Millis() / DAY)).toList();
    }

    private List<Dashboard.PersonLoad> people(String clusterId) {
        return engine.loads(clusterId).stream().map(l -> new Dashboard.PersonLoad(l.assignee(),
                l.assignee() == null ? null : directory.displayName(l.assignee()), l.tasks(), l.overdue())).toList();
    }

    private static Map<String, Integer> onboardingFunnel(Map<ClusterFigure, Number> figures) {
        Map<String, Integer> funnel = new LinkedHashMap<>();
        funnel.put("applied", count(figures, ClusterFigure.APPLICATIONS));
        funnel.put("approved", count(figures, ClusterFigure.APPLICATIONS_APPROVED));
        funnel.put("paid", count(figures, ClusterFigure.APPLICATIONS_PAID));
        return funnel;
    }

    private static Double grantSuccessRate(Map<ClusterFigure, Number> figures) {
        int decided = count(figures, ClusterFigure.GRANTS_DECIDED);
        return decided == 0 ? null : count(figures, ClusterFigure.GRANTS_FUNDED) * 100.0 / decided;
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }
}
