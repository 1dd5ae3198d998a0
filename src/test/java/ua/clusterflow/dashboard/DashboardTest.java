package ua.clusterflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ua.clusterflow.dashboard.ReportSheets.rowStartingWith;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import ua.clusterflow.CaseSteps;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.MembershipStatus;
import ua.clusterflow.engine.Variable;
import ua.clusterflow.meetup.Meetup;
import ua.clusterflow.meetup.MeetupRepository;
import ua.clusterflow.meetup.MeetupService;
import ua.clusterflow.meetup.MeetupStatus;
import ua.clusterflow.meetup.process.MeetupProcess;
import ua.clusterflow.membership.Memberships;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.process.OnboardingProcess;
import ua.clusterflow.tasklist.FormSubmission;

/**
 * The dashboard's figures, computed from cases carried through the processes in clusters of their own. The doors it
 * checks through MockMvc (the dashboard, its records, the reports, the alliance) are proven again on the real port by
 * {@link ua.clusterflow.shell.FeatureDoorsTests}.
 */
class DashboardTest extends IntegrationTest {

    @Autowired DashboardService dashboards;
    @Autowired ClusterDirectory directory;
    @Autowired MeetupService meetups;
    @Autowired MeetupRepository meetupRepository;
    @Autowired MockMvc mvc;
    @Autowired Memberships memberships;

    @Test
    void membersFunnelStageAndProcessFiguresFollowTheCases() throws Exception {
        String cluster = newCluster("dnipro");
        String coordinator = cluster + "-coordinator";
        while (members(cluster) < 9) {
            onboard(cluster, "sme", true);
        }
        OnboardingApplication rejected = apply(cluster, "ТОВ «Відмова»", newEdrpou(), cluster + "-rejected@example.com");
        complete(rejected.reference(), OnboardingProcess.TASK_REVIEW, coordinator,
                Map.of(OnboardingProcess.REVIEW_DECISION, "reject", OnboardingProcess.REVIEW_COMMENT.name(), "Ні"));
        onboard(cluster, "sme", false);
        OnboardingApplication waiting = apply(cluster, "ТОВ «Чекає»", newEdrpou(), cluster + "-waiting@example.com");

        Dashboard nine = dashboards.forCluster(cluster);
        assertThat(nine.target("activeMembers").value()).isEqualTo(9);
        assertThat(nine.criterion("minimumMembers").met()).as("9 of 10–15").isFalse();
        assertThat(nine.criterion("minimumMembers").evidence()).isEqualTo("9 / 10–15");
        assertThat(nine.maturity().stage()).isZero();
        assertThat(nine.onboardingFunnel()).containsEntry("applied", 12).containsEntry("approved", 10)
                .containsEntry("paid", 9);
        Dashboard.ProcessFigures onboarding = process(nine, "MemberOnboarding");
        assertThat(onboarding.finishedCases()).as("9 members, 1 unpaid, 1 rejected").isEqualTo(11);
        assertThat(onboarding.openTasks()).as("the waiting application's review").isEqualTo(1);
        assertThat(onboarding.overdueTasks()).isZero();
        assertThat(onboarding.medianDays()).isNotNull();
        assertThat(nine.steps()).anySatisfy(s -> {
            assertThat(s.stepKey()).isEqualTo(OnboardingProcess.TASK_REVIEW);
            assertThat(s.completed()).isEqualTo(11);
        });
        assertThat(nine.people()).singleElement().satisfies(p -> {
            assertThat(p.userId()).as("nobody has claimed the review yet").isNull();
            assertThat(p.openTasks()).isEqualTo(1);
        });

        tasks.claim(task(waiting.reference(), OnboardingProcess.TASK_REVIEW).getId(), coordinator);
        moveClock(Duration.ofDays(30));
        Dashboard late = dashboards.forCluster(cluster);
        assertThat(process(late, "MemberOnboarding").overdueTasks()).as("a review past its due date").isEqualTo(1);
        assertThat(late.people()).singleElement().satisfies(p -> {
            assertThat(p.userId()).isEqualTo(coordinator);
            assertThat(p.overdueTasks()).isEqualTo(1);
        });

        onboard(cluster, "sme", true);
        Dashboard ten = dashboards.forCluster(cluster);
        assertThat(ten.criterion("minimumMembers").met()).as("10 of 10–15").isTrue();
        assertThat(ten.criterion("membershipFees").evidence()).isEqualTo("10 / 10");
        assertThat(ten.criterion("initialPromotion").met()).as("no meetup yet").isFalse();
        assertThat(ten.maturity().stage()).isZero();
        assertThat(ten.membersByMonth().values()).last().isEqualTo(10);

        mvc.perform(get("/dashboard").param("cluster", cluster).with(as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-chart=\"members\"")))
                .andExpect(content().string(containsString("10 / 10–15")));
        mvc.perform(get("/dashboard").with(as("nadia"))).andExpect(status().isForbidden());
    }

    @Test
    void onlyCurrentMembersCountAndTheFeesAndTheMembersWhoLeftAreShown() throws Exception {
        String cluster = newCluster("rivne");
        for (int i = 0; i < 3; i++) {
            onboard(cluster, "sme", true);
        }
        List<Long> ids = jdbc.sql("select id from member_organisation where cluster_id = ? order by id").param(cluster)
                .query(Long.class).list();
        double fees = jdbc.sql("select sum(annual_fee) from member_organisation where cluster_id = ?").param(cluster)
                .query(Double.class).single();
        Dashboard three = dashboards.forCluster(cluster);
        assertThat(three.target("activeMembers").value()).isEqualTo(3);
        assertThat(three.criterion("eccpMembers").evidence()).isEqualTo("3 / 15");
        assertThat(three.feeIncome()).as("the joining fees are the first year's dues").isEqualTo(fees).isPositive();
        assertThat(three.churn()).isZero();

        memberships.setStatus(ids.get(0), MembershipStatus.LAPSED, AppClock.today(), "dues-unpaid", null);
        memberships.setStatus(ids.get(1), MembershipStatus.RESIGNED, AppClock.today(), "resigned", null);
        memberships.setStatus(ids.get(2), MembershipStatus.IN_GRACE, AppClock.today(), "dues-unpaid", null);
        memberships.setPaidUntil(ids.get(2), AppClock.today());
        Dashboard after = dashboards.forCluster(cluster);
        assertThat(after.target("activeMembers").value()).as("the one in grace").isEqualTo(1);
        assertThat(after.criterion("eccpMembers").evidence()).as("in grace is not paid").isEqualTo("0 / 15");
        assertThat(after.churn()).isEqualTo(2);
        assertThat(after.membersByMonth().values()).as("members at the month's end").last().isEqualTo(1);
        mvc.perform(get("/dashboard").param("cluster", cluster).with(as(cluster + "-coordinator")))
                .andExpect(content().string(containsString("data-figure=\"churn\"")))
                .andExpect(content().string(containsString("data-figure=\"feeIncome\"")));
    }

    @Test
    void theStageAdvancesExactlyWhenTheLastExitCriterionIsMet() throws Exception {
        String cluster = newCluster("poltava");
        String coordinator = cluster + "-coordinator";
        for (int i = 0; i < 10; i++) {
            onboard(cluster, "sme", true);
        }
        Dashboard noStrategy = dashboards.forCluster(cluster);
        assertThat(noStrategy.criterion("planAndStrategy").met()).isFalse();
        assertThat(noStrategy.maturity().stageTools()).containsExactly("networking", "training", "experienceExchange");
        assertThat(noStrategy.maturity().nextStageTools()).containsExactly("matchmaking", "cooperationProjects",
                "fundraising");

        saveProfile(cluster, coordinator, "2026-01-15", "0.4", "0", "0", -1).andExpect(status().is3xxRedirection());
        Dashboard strategy = dashboards.forCluster(cluster);
        assertThat(strategy.criterion("planAndStrategy").met()).isTrue();
        assertThat(strategy.criterion("initialPromotion").met()).isFalse();
        assertThat(strategy.maturity().stage()).as("still no meetup").isZero();

        Meetup meetup = openMeetup(cluster, coordinator);
        assertThat(meetupRepository.get(meetup.id()).status()).isEqualTo(MeetupStatus.OPEN);
        Dashboard promoted = dashboards.forCluster(cluster);
        assertThat(promoted.criterion("initialPromotion").met()).isTrue();
        assertThat(promoted.maturity().stage()).as("every criterion of initial trust met").isEqualTo(1);
        assertThat(promoted.maturity().stageTools()).containsExactly("matchmaking", "cooperationProjects", "fundraising");
        assertThat(promoted.criterion("specialisation").evidence()).isEqualTo("10 / 10");
        assertThat(promoted.criterion("newProjects").met()).isFalse();
        mvc.perform(get("/dashboard").param("cluster", cluster).with(as(coordinator)))
                .andExpect(content().string(containsString("data-stage=\"1\"")));
    }

    @Test
    void theEccpChecklistPlanShareAndExportServicesAtTheirEdges() throws Exception {
        String cluster = newCluster("sumy");
        String coordinator = cluster + "-coordinator";
        for (int i = 0; i < 14; i++) {
            onboard(cluster, "sme", true);
        }
        Dashboard fourteen = dashboards.forCluster(cluster);
        assertThat(fourteen.criterion("eccpMembers").met()).as("14 of 15").isFalse();
        assertThat(fourteen.criterion("eccpMemberTypes").evidence()).isEqualTo("1 / 2");
        assertThat(fourteen.criterion("eccpStaff").met()).as("no staff recorded").isFalse();
        onboard(cluster, "university", true);
        Dashboard fifteen = dashboards.forCluster(cluster);
        assertThat(fifteen.criterion("eccpMembers").met()).as("15 of 15").isTrue();
        assertThat(fifteen.criterion("eccpMemberTypes").met()).as("SMEs and a university").isTrue();

        saveProfile(cluster, coordinator, "", "0.4", "1", "0", -1).andExpect(status().is3xxRedirection());
        assertThat(dashboards.forCluster(cluster).criterion("eccpStaff").met()).as("0.4 full-time").isFalse();
        saveProfile(cluster, coordinator, "", "0,5", "1", "0", 0).andExpect(status().is3xxRedirection());
        assertThat(dashboards.forCluster(cluster).criterion("eccpStaff").met()).as("0.5 full-time").isTrue();
        saveProfile(cluster, coordinator, "", "0.6", "1", "0", 0)
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("id=\"e-profile\"")))
                .andExpect(content().string(containsString("value=\"0.6\"")));

        for (int i = 1; i <= 10; i++) {
            mvc.perform(post("/dashboard/records/plan").with(as(coordinator)).with(csrf()).param("cluster", cluster)
                            .param("title", "Пункт " + i).param("programme", "Програма розвитку промисловості")
                            .param("participates", String.valueOf(i <= 3)))
                    .andExpect(status().is3xxRedirection());
        }
        Dashboard thirty = dashboards.forCluster(cluster);
        assertThat(thirty.target("planShare").value()).isEqualTo(30);
        assertThat(thirty.target("planShare").met()).isTrue();
        assertThat(thirty.criterion("influence").evidence()).isEqualTo("3 / 10 = 30%");
        ClusterRecords.PlanItem first = jdbc.sql("select id, title, programme, participates, version from "
                        + "regional_plan_item where cluster_id = ? and participates order by id limit 1").param(cluster)
                .query((rs, n) -> new ClusterRecords.PlanItem(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getInt(5))).single();
        mvc.perform(post("/dashboard/records/plan/" + first.id()).with(as(coordinator)).with(csrf()).param("cluster", cluster)
                .param("participates", "false").param("version", String.valueOf(first.version())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/dashboard/records/plan/" + first.id()).with(as(coordinator)).with(csrf()).param("cluster", cluster)
                        .param("participates", "true").param("version", String.valueOf(first.version())))
                .andExpect(status().is3xxRedirection())
                .andExpect(MockMvcResultMatchers.flash()
                        .attribute("error", "records.changedMeanwhile"));
        Dashboard twenty = dashboards.forCluster(cluster);
        assertThat(twenty.target("planShare").value()).isEqualTo(20);
        assertThat(twenty.criterion("influence").met()).isFalse();

        mvc.perform(post("/dashboard/records/export").with(as(coordinator)).with(csrf()).param("cluster", cluster)
                        .param("kind", "MISSION").param("title", "").param("country", "XX").param("heldOn", "31.13.2026")
                        .param("participants", "п'ять"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("id=\"e-exportTitle\"")))
                .andExpect(content().string(containsString("id=\"e-country\"")))
                .andExpect(content().string(containsString("id=\"e-heldOn\"")))
                .andExpect(content().string(containsString("value=\"31.13.2026\"")))
                .andExpect(content().string(containsString("id=\"e-participants\"")));
        assertThat(dashboards.forCluster(cluster).target("regularServices").value()).isZero();
        mvc.perform(post("/dashboard/records/export").with(as(coordinator)).with(csrf()).param("cluster", cluster)
                        .param("kind", "MISSION").param("title", "Місія на Hannover Messe").param("country", "DE")
                        .param("heldOn", AppClock.today().toString()).param("participants", "4"))
                .andExpect(status().is3xxRedirection());
        Dashboard exported = dashboards.forCluster(cluster);
        assertThat(exported.exportByQuarter().get(Quarter.of(AppClock.today()).toString())).isEqualTo(1);
        assertThat(exported.target("regularServices").value()).as("export marketing, no fundraising yet").isEqualTo(1);
        assertThat(exported.criterion("internationalCooperation").met()).isTrue();
        mvc.perform(post("/dashboard/records/export").with(as("nadia")).with(csrf()).param("cluster", cluster)
                .param("kind", "EVENT").param("title", "x").param("country", "DE")
                .param("heldOn", AppClock.today().toString()).param("participants", "1"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theQuarterlyReportCarriesThePagesNumbersInBothLanguages() throws Exception {
        String cluster = newCluster("chernihiv");
        String coordinator = cluster + "-coordinator";
        for (int i = 0; i < 3; i++) {
            onboard(cluster, "sme", true);
        }
        mvc.perform(post("/dashboard/records/export").with(as(coordinator)).with(csrf()).param("cluster", cluster)
                .param("kind", "EVENT").param("title", "Експортний семінар").param("country", "UA")
                .param("heldOn", AppClock.today().toString()).param("participants", "12"))
                .andExpect(status().is3xxRedirection());
        String quarter = Quarter.of(AppClock.today()).toString();

        byte[] pdf = mvc.perform(get("/dashboard/report.pdf").with(as(coordinator)).param("cluster", cluster)
                        .param("quarter", quarter).param("lang", "uk"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        String text;
        try (var document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("Квартальний звіт кластера", quarter, "Активні члени", "Експортний семінар");
        assertThat(text.replaceAll("\\s+", " ")).contains("Активні члени (ціль 25) 3 25");

        byte[] xlsx = mvc.perform(get("/dashboard/report.xlsx").with(as(coordinator)).param("cluster", cluster)
                        .param("quarter", quarter).param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetName(0)).isEqualTo("Figures");
            Row members = rowStartingWith(book, 0, "Active members (target 25)");
            assertThat(members.getCell(1).getNumericCellValue()).isEqualTo(3);
            assertThat(members.getCell(2).getNumericCellValue()).isEqualTo(25);
            assertThat(rowStartingWith(book, 3, "Event").getCell(1).getStringCellValue()).isEqualTo("Експортний семінар");
            assertThat(book.getSheetAt(1).getDrawingPatriarch().getCharts()).hasSize(5);
        }

        mvc.perform(get("/dashboard/report.pdf").with(as("nadia")).param("cluster", cluster))
                .andExpect(status().isForbidden());
        mvc.perform(get("/dashboard/report.pdf").with(as("olena")).param("cluster", cluster))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/report.xlsx").with(as(coordinator)).param("cluster", cluster)
                .param("quarter", "2026-Q9")).andExpect(status().isBadRequest());
    }

    @Test
    void administratorsSeeTheAllianceSideBySide() throws Exception {
        mvc.perform(get("/dashboard/alliance").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-cluster=\"kharkiv\"")))
                .andExpect(content().string(containsString("data-cluster=\"zaporizhzhia\"")));
        mvc.perform(get("/dashboard/alliance").with(as("olena"))).andExpect(status().isForbidden());
        // each line says what the cluster's own dashboard says, from the few statements it needs
        for (String cluster : List.of("kharkiv", "zaporizhzhia")) {
            Dashboard full = dashboards.forCluster(cluster);
            AllianceRow row = dashboards.allianceRow(cluster);
            assertThat(row.targets()).isEqualTo(full.targets());
            assertThat(row.stage()).isEqualTo(full.maturity().stage());
            assertThat(row.fundsAttracted()).isEqualTo(full.fundsAttracted());
            assertThat(row.introductions()).isEqualTo(full.introductions());
            assertThat(row.grantSuccessRate()).isEqualTo(full.grantSuccessRate());
            assertThat(row.openTasks()).isEqualTo(full.processes().stream().mapToLong(Dashboard.ProcessFigures::openTasks).sum());
            assertThat(row.overdueTasks())
                    .isEqualTo(full.processes().stream().mapToLong(Dashboard.ProcessFigures::overdueTasks).sum());
        }
    }

    // --- helpers

    private String newCluster(String prefix) {
        String cluster = prefix + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        directory.createCluster(cluster, "Кластер " + cluster);
        directory.createPerson(cluster + "-coordinator", "Дарина", "Координатор", cluster + "-c@example.com", "uk",
                "pw-" + cluster);
        directory.grant(cluster + "-coordinator", cluster, Role.COORDINATOR);
        for (int i = 1; i <= 3; i++) {
            directory.createPerson(cluster + "-board" + i, "Член", "Правління " + i, cluster + "-b" + i + "@example.com",
                    "uk", "pw-" + cluster);
            directory.grant(cluster + "-board" + i, cluster, Role.BOARD);
        }
        return cluster;
    }

    private int members(String cluster) {
        return (int) dashboards.forCluster(cluster).target("activeMembers").value();
    }

    /** One organisation of a category through the whole onboarding, its fee paid or left unpaid. */
    private void onboard(String cluster, String category, boolean pays) {
        String edrpou = newEdrpou();
        Map<String, Object> values = applicationValues("ТОВ «" + cluster + " " + edrpou + "»", edrpou,
                cluster + "-" + edrpou + "@example.com");
        values.put("category", category);
        CaseSteps.onboard(onboarding, tasks, cluster, values, cluster + "-coordinator",
                List.of(cluster + "-board1", cluster + "-board2"), pays);
    }

    /** A meetup carried through planning, the coordinator's approval and three experts' yes: open for registration. */
    private Meetup openMeetup(String cluster, String coordinator) {
        Map<String, Object> proposal = new HashMap<>();
        proposal.put("segment", "Промислова автоматизація");
        proposal.put("challenge", "Спільні стенди для випробувань");
        proposal.put("format", "offline");
        proposal.put("windowFrom", AppClock.today().plusDays(14));
        proposal.put("windowTo", AppClock.today().plusDays(40));
        Meetup m = meetups.propose(cluster, coordinator, FormSubmission.ofValues(proposal));
        Map<String, Object> plan = new HashMap<>();
        plan.put("meetupDate", Date.from(AppClock.today().plusDays(21).atStartOfDay(AppClock.KYIV).toInstant()));
        plan.put("startTime", "10:00");
        plan.put("durationHours", 3L);
        plan.put("venue", "Полтава, вул. Соборності 1");
        plan.put("onlineLink", null);
        plan.put("capacityOffline", 20L);
        plan.put("capacityOnline", 0L);
        plan.put("budget", 2000.0);
        complete(m.reference(), MeetupProcess.TASK_PLAN, coordinator, plan);
        complete(m.reference(), MeetupProcess.TASK_APPROVE, coordinator,
                Variable.values().and(MeetupProcess.APPROVAL_DECISION, "approve"));
        Map<String, Object> experts = new HashMap<>();
        String[] categories = {"business", "university", "research"};
        for (int i = 0; i < categories.length; i++) {
            experts.put("expert" + (i + 1) + "Name", "Експерт " + (i + 1));
            experts.put("expert" + (i + 1) + "Email", "expert" + (i + 1) + "-" + m.reference() + "@example.com");
            experts.put("expert" + (i + 1) + "Category", categories[i]);
        }
        complete(m.reference(), MeetupProcess.TASK_SHORTLIST, coordinator, experts);
        for (MeetupRepository.Expert expert : meetupRepository.experts(m.id())) {
            assertThat(meetups.answer(expert.id(), true)).isTrue();
        }
        return m;
    }

    private ResultActions saveProfile(String cluster, String user, String adopted,
                                                                        String fte, String groups, String coalitions,
                                                                        int version) throws Exception {
        MockHttpServletRequestBuilder request = post("/dashboard/records/profile").with(as(user)).with(csrf())
                .param("cluster", cluster).param("strategyAdopted", adopted).param("staffFte", fte)
                .param("workingGroups", groups).param("coalitions", coalitions)
                .param("version", String.valueOf(version));
        return mvc.perform(request);
    }

    private static Dashboard.ProcessFigures process(Dashboard dashboard, String key) {
        return dashboard.processes().stream().filter(p -> p.processKey().equals(key)).findFirst().orElseThrow();
    }
}
