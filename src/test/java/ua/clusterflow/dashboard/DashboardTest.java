package ua.clusterflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.board.process.BoardVoteProcess;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Role;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.process.OnboardingProcess;

/** The dashboard's figures, computed from cases carried through the processes in a cluster of their own. */
class DashboardTest extends IntegrationTest {

    private static final String CLUSTER = "dnipro";
    private static final List<String> BOARD = List.of("dn-board1", "dn-board2", "dn-board3");

    @Autowired DashboardService dashboards;
    @Autowired ClusterDirectory directory;
    @Autowired MockMvc mvc;

    @BeforeEach
    void aClusterOfItsOwn() {
        if (!directory.exists(CLUSTER)) {
            directory.createCluster(CLUSTER, "Дніпровський кластер");
            directory.createPerson("dn-coordinator", "Дарина", "Координатор", "dn-coordinator@example.com", "uk", "pw-dnipro-1");
            directory.grant("dn-coordinator", CLUSTER, Role.COORDINATOR);
            for (String member : BOARD) {
                directory.createPerson(member, "Член", member, member + "@example.com", "uk", "pw-dnipro-1");
                directory.grant(member, CLUSTER, Role.BOARD);
            }
        }
    }

    @Test
    void membersFunnelStageAndProcessFiguresFollowTheCases() throws Exception {
        Dashboard before = dashboards.forCluster(CLUSTER);
        int members = (int) figure(before, "activeMembers").value();
        while (members < 9) {
            onboard(true);
            members++;
        }
        OnboardingApplication rejected = apply(CLUSTER, "ТОВ «Відмова»", newEdrpou(), "dn-rejected@example.com");
        complete(rejected.reference(), OnboardingProcess.TASK_REVIEW, "dn-coordinator",
                Map.of(OnboardingProcess.REVIEW_DECISION, "reject", OnboardingProcess.REVIEW_COMMENT, "Ні"));
        onboard(false);

        Dashboard nine = dashboards.forCluster(CLUSTER);
        assertThat(figure(nine, "activeMembers").value()).isEqualTo(9);
        assertThat(criterion(nine, "minimumMembers").met()).as("9 of 10–15").isFalse();
        assertThat(criterion(nine, "minimumMembers").evidence()).isEqualTo("9 / 10–15");
        assertThat(nine.stage()).isZero();
        assertThat(nine.onboardingFunnel().get("applied") - before.onboardingFunnel().get("applied"))
                .isEqualTo(9 - (int) figure(before, "activeMembers").value() + 2);
        assertThat(nine.onboardingFunnel().get("paid")).isEqualTo(9);
        assertThat(nine.onboardingFunnel().get("approved")).isEqualTo(10);
        Dashboard.ProcessFigures onboarding = nine.processes().stream()
                .filter(p -> p.processKey().equals("MemberOnboarding")).findFirst().orElseThrow();
        assertThat(onboarding.finishedCases()).as("9 members, 1 unpaid, 1 rejected").isEqualTo(11);
        assertThat(onboarding.openTasks()).isZero();
        assertThat(onboarding.medianDays()).isNotNull();

        onboard(true);
        Dashboard ten = dashboards.forCluster(CLUSTER);
        assertThat(criterion(ten, "minimumMembers").met()).as("10 of 10–15").isTrue();
        assertThat(criterion(ten, "membershipFees").evidence()).isEqualTo("10 / 10");
        assertThat(criterion(ten, "initialPromotion").met()).as("no meetup yet").isFalse();
        assertThat(ten.stage()).isZero();
        assertThat(ten.membersByMonth().values()).last().isEqualTo(10);

        mvc.perform(get("/dashboard").param("cluster", CLUSTER).with(as("dn-coordinator")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-chart=\"members\"")))
                .andExpect(content().string(containsString("10 / 10–15")));
        mvc.perform(get("/dashboard").with(as("nadia"))).andExpect(status().isForbidden());
    }

    @Test
    void percentilesTakeTheNearestRank() {
        assertThat(DashboardService.percentile(List.of(1.0, 2.0, 3.0, 4.0), 50)).isEqualTo(2.0);
        assertThat(DashboardService.percentile(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), 90)).isEqualTo(9.0);
        assertThat(DashboardService.percentile(List.of(), 50)).isNull();
    }

    /** One organisation through the whole onboarding: review, board, and the fee paid or left unpaid. */
    private void onboard(boolean pays) {
        String edrpou = newEdrpou();
        OnboardingApplication app = apply(CLUSTER, "ТОВ «Дніпро " + edrpou + "»", edrpou, "dn-" + edrpou + "@example.com");
        complete(app.reference(), OnboardingProcess.TASK_REVIEW, "dn-coordinator",
                Map.of(OnboardingProcess.REVIEW_DECISION, "accept"));
        for (String voter : BOARD.subList(0, 2)) {
            var ballot = tasks.createTaskQuery().processInstanceBusinessKey(app.reference())
                    .taskDefinitionKey(BoardVoteProcess.TASK_CAST_VOTE).taskAssignee(voter).singleResult();
            Map<String, Object> vote = new HashMap<>();
            vote.put(BoardVoteProcess.VOTE, "approve");
            vote.put(BoardVoteProcess.VOTE_COMMENT, null);
            tasks.complete(ballot.getId(), vote);
        }
        complete(app.reference(), OnboardingProcess.TASK_CONFIRM_PAYMENT, "dn-coordinator",
                Map.of(OnboardingProcess.PAYMENT_OUTCOME, pays ? "paid" : "cancelled"));
    }

    private static Figure figure(Dashboard dashboard, String key) {
        return dashboard.targets().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    private static Criterion criterion(Dashboard dashboard, String key) {
        return dashboard.stageCriteria().stream().flatMap(List::stream).filter(c -> c.key().equals(key))
                .findFirst().orElseThrow();
    }
}
