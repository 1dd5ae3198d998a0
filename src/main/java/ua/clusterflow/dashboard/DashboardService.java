package ua.clusterflow.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Role;
import ua.clusterflow.system.AppClock;

/** Computes a cluster's dashboard from its members, cases and the engine's history. */
@Service
public class DashboardService {

    static final int TARGET_MEMBERS = 25;
    static final int TARGET_STAFF = 2;
    static final int TARGET_EU_PROJECTS = 1;
    static final int MIN_MEMBERS_STAGE_ONE = 10;
    static final List<String> PROCESSES = List.of("MemberOnboarding", "GrantApplication", "TechMeetup",
            "BoardRoleDelegation", "BoardVote");

    private final JdbcClient jdbc;
    private final ClusterDirectory directory;
    private final TaskService tasks;
    private final HistoryService history;

    public DashboardService(JdbcClient jdbc, ClusterDirectory directory, TaskService tasks, HistoryService history) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.tasks = tasks;
        this.history = history;
    }

    public Dashboard forCluster(String clusterId) {
        int members = count("select count(*) from member_organisation where cluster_id = ?", clusterId);
        int staff = directory.peopleWithRole(clusterId, Role.COORDINATOR).size();
        int euProjects = count("""
                select count(*) from grant_application g
                where g.cluster_id = ? and g.status = 'FUNDED'
                  and (select count(*) from grant_partner p where p.application_id = g.id
                       and p.country in ('AT','BE','BG','HR','CY','CZ','DK','EE','FI','FR','DE','GR','HU','IE','IT',
                                         'LV','LT','LU','MT','NL','PL','PT','RO','SK','SI','ES','SE')) >= 2""", clusterId);
        double funds = jdbc.sql("select coalesce(sum(amount_granted), 0) from grant_application where cluster_id = ? "
                + "and status = 'FUNDED'").param(clusterId).query(Double.class).single();
        List<Figure> targets = List.of(new Figure("activeMembers", members, TARGET_MEMBERS),
                new Figure("executiveStaff", staff, TARGET_STAFF), new Figure("euProjects", euProjects, TARGET_EU_PROJECTS));
        List<List<Criterion>> criteria = criteria(clusterId, members);
        int stage = 0;
        while (stage < criteria.size() && criteria.get(stage).stream().allMatch(Criterion::met)) {
            stage++;
        }
        return new Dashboard(clusterId, directory.clusterName(clusterId), targets, membersByMonth(clusterId),
                byQuarter(clusterId, "grant-letter"), byQuarter(clusterId, "meetup-reported"), funds,
                count("select count(*) from introduction where cluster_id = ?", clusterId), stage, criteria,
                processes(clusterId), onboardingFunnel(clusterId), grantSuccessRate(clusterId));
    }

    /** The exit criteria of the first two stages of the maturity model, as far as the cases show them. */
    private List<List<Criterion>> criteria(String clusterId, int members) {
        int paidMembers = count("select count(*) from onboarding_application where cluster_id = ? and status = 'MEMBER'",
                clusterId);
        int meetups = count("select count(*) from meetup where cluster_id = ? and status in ('OPEN','HELD','REPORTED')",
                clusterId);
        int grants = count("select count(*) from grant_application where cluster_id = ? and status <> 'DRAFT'", clusterId);
        int reported = count("select count(*) from meetup where cluster_id = ? and status = 'REPORTED'", clusterId);
        int roles = count("select count(*) from role_term where cluster_id = ? and status = 'ACTIVE'", clusterId);
        List<Criterion> initialTrust = List.of(
                new Criterion("formalOrganisation", true, directory.clusterName(clusterId)),
                new Criterion("minimumMembers", members >= MIN_MEMBERS_STAGE_ONE, members + " / 10–15"),
                new Criterion("membershipFees", members > 0 && paidMembers * 2 >= members, paidMembers + " / " + members),
                new Criterion("initialPromotion", meetups >= 1, String.valueOf(meetups)));
        List<Criterion> growth = List.of(
                new Criterion("newProjects", grants >= 1, String.valueOf(grants)),
                new Criterion("jointInitiatives", reported >= 1, String.valueOf(reported)),
                new Criterion("rolesDistributed", roles >= 2, roles + " / 2"));
        return List.of(initialTrust, growth);
    }

    private Map<String, Integer> membersByMonth(String clusterId) {
        Map<String, Integer> trend = new LinkedHashMap<>();
        YearMonth now = YearMonth.from(AppClock.today());
        for (int back = 5; back >= 0; back--) {
            YearMonth month = now.minusMonths(back);
            LocalDate end = month.atEndOfMonth().plusDays(1);
            trend.put(month.toString(), count("select count(*) from member_organisation where cluster_id = ? "
                    + "and joined_at < ?", clusterId, java.sql.Timestamp.valueOf(end.atStartOfDay())));
        }
        return trend;
    }

    private Map<String, Integer> byQuarter(String clusterId, String action) {
        Map<String, Integer> quarters = new LinkedHashMap<>();
        LocalDate today = AppClock.today();
        for (int back = 3; back >= 0; back--) {
            LocalDate start = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1)
                    .minusMonths(3L * back);
            LocalDate end = start.plusMonths(3);
            String label = start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            quarters.put(label, count("""
                    select count(*) from case_event e join case_record c on c.business_key = e.business_key
                    where c.cluster_id = ? and e.action = ? and e.at >= ? and e.at < ?""", clusterId, action,
                    ts(start), ts(end)));
        }
        return quarters;
    }

    private List<Dashboard.ProcessFigures> processes(String clusterId) {
        List<Dashboard.ProcessFigures> figures = new ArrayList<>();
        for (String key : PROCESSES) {
            long open = tasks.createTaskQuery().tenantIdIn(clusterId).processDefinitionKey(key).count();
            long overdue = tasks.createTaskQuery().tenantIdIn(clusterId).processDefinitionKey(key)
                    .dueBefore(AppClock.nowDate()).count();
            List<Double> days = history.createHistoricProcessInstanceQuery().tenantIdIn(clusterId)
                    .processDefinitionKey(key).finished().list().stream()
                    .map(HistoricProcessInstance::getDurationInMillis).filter(d -> d != null)
                    .map(d -> d / 86_400_000.0).sorted().toList();
            figures.add(new Dashboard.ProcessFigures(key, open, overdue, days.size(), percentile(days, 50),
                    percentile(days, 90)));
        }
        return figures;
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

    /** The nearest-rank percentile of sorted values, or null without any. */
    static Double percentile(List<Double> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    private static java.sql.Timestamp ts(LocalDate day) {
        return java.sql.Timestamp.from(day.atStartOfDay(ZoneId.of("Europe/Kyiv")).toInstant());
    }
}
