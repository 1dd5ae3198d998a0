package ua.clusterflow.delegation;

import static org.assertj.core.api.Assertions.assertThat;
import static ua.clusterflow.delegation.process.DelegationProcess.*;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.board.process.BoardVoteProcess;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.grant.GrantApplication;
import ua.clusterflow.grant.GrantForm;
import ua.clusterflow.grant.GrantService;
import ua.clusterflow.grant.process.GrantProcess;
import ua.clusterflow.tasklist.FormSubmission;
import ua.clusterflow.tasklist.engine.TaskListService;
import ua.clusterflow.tasklist.engine.TaskWorkService;

/** Every path of {@code board-role-delegation.bpmn} (process BoardRoleDelegation), and the rights that follow the registry. */
class DelegationProcessTest extends IntegrationTest {

    private static final List<String> BOARD = List.of("petro", "iryna", "andriy", "maria", "taras");

    @BeforeEach
    void startAtNoon() {
        startAtNoonInKyiv();
    }

    @Autowired RoleDelegationService roles;
    @Autowired RoleRegistry registry;
    @Autowired ClusterDirectory directory;
    @Autowired GrantService grants;
    @Autowired TaskListService taskList;
    @Autowired TaskWorkService work;

    @Test
    void anAcceptedAndApprovedNomineeEntersTheRegistryWithTheRightsOfTheRole() {
        RoleTerm term = propose("fundraising", "nadia", 365);
        ProcessInstance pi = instance(term.businessKey(), KEY);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_CONSIDER_NOMINATION);
        answer(term, "accept", null);
        BpmnAwareTests.assertThat(pi).isWaitingAt(CALL_BOARD_VOTE);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(term.businessKey())
                .taskDefinitionKey(BoardVoteProcess.TASK_CAST_VOTE).count()).isEqualTo(5);
        votes(term, "abstain", "approve", "approve", "reject", "approve");

        BpmnAwareTests.assertThat(pi).isWaitingAt(TIMER_RENEWAL_DUE);
        RoleTerm active = registry.get(term.id());
        assertThat(active.status()).isEqualTo("ACTIVE");
        assertThat(directory.groupsOf("nadia")).contains("kharkiv-grant-screening");
        assertThat(subjectsTo("nadia@clusterflow.local")).contains("Вас призначено: Лідер із залучення коштів");
    }

    @Test
    void aDeclineReturnsToTheProposerWhoNominatesSomeoneElse() {
        RoleTerm term = propose("export-marketing", "maria", 365);
        ProcessInstance pi = instance(term.businessKey(), KEY);
        answer(term, "decline", "Не маю часу");
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_REVISE_PROPOSAL);
        assertThat(task(term.businessKey(), TASK_REVISE_PROPOSAL).getAssignee()).isEqualTo("petro");
        complete(term.businessKey(), TASK_REVISE_PROPOSAL, "petro", Map.of(REVISION_ACTION, "renominate", NEW_NOMINEE.name(), "taras"));

        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_CONSIDER_NOMINATION);
        assertThat(task(term.businessKey(), TASK_CONSIDER_NOMINATION).getAssignee()).isEqualTo("taras");
        answer(term, "accept", null);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(term.businessKey()).taskAssignee("taras")
                .taskDefinitionKey(BoardVoteProcess.TASK_CAST_VOTE).count()).as("the nominee does not vote").isZero();
    }

    @Test
    void aProposerCanWithdrawAfterADecline() {
        RoleTerm term = propose("university-relations", "maria", 365);
        answer(term, "decline", "Ні");
        complete(term.businessKey(), TASK_REVISE_PROPOSAL, "petro", Map.of(REVISION_ACTION, "withdraw"));
        BpmnAwareTests.assertThat(instance(term.businessKey(), KEY)).isNull();
        assertThat(registry.get(term.id()).status()).isEqualTo("WITHDRAWN");
    }

    @Test
    void theBoardCanRejectTheNominee() {
        RoleTerm term = propose("government-relations", "nadia", 365);
        answer(term, "accept", null);
        votes(term, "reject", "reject", "reject", "reject");
        assertThat(registry.get(term.id()).status()).isEqualTo("NOT_APPROVED");
        assertThat(directory.groupsOf("nadia")).doesNotContain("kharkiv-government-relations");
    }

    @Test
    void aTieIsBrokenByTheChair() {
        RoleTerm term = propose("export-marketing", "nadia", 365);
        answer(term, "accept", null);
        votes(term, "approve", "approve", "reject", "reject", "abstain");
        Task settle = tasks.createTaskQuery().processInstanceBusinessKey(term.businessKey())
                .taskDefinitionKey(BoardVoteProcess.TASK_SETTLE_VOTE).taskCandidateGroup("kharkiv-chair").singleResult();
        assertThat(settle).isNotNull();
        tasks.claim(settle.getId(), "petro");
        tasks.complete(settle.getId(), Map.of(BoardVoteProcess.SETTLE_DECISION.name(), "approve",
                BoardVoteProcess.SETTLE_REASON.name(), "Голова підтримує"));
        assertThat(registry.get(term.id()).status()).isEqualTo("ACTIVE");
    }

    @Test
    void withoutTheQuorumOfTwoThirdsAtTheDeadlineTheChairDecides() {
        RoleTerm term = propose("university-relations", "nadia", 365);
        answer(term, "accept", null);
        assertThat(runtime.getVariable(vote(term).getId(), BoardVoteProcess.QUORUM.name())).isEqualTo(4);
        votes(term, "approve", "approve", "reject");
        moveClock(Duration.ofDays(7).plusMinutes(1));
        fireTimer(vote(term).getId(), BoardVoteProcess.TIMER_VOTE_DEADLINE);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(term.businessKey())
                .taskDefinitionKey(BoardVoteProcess.TASK_SETTLE_VOTE).taskCandidateGroup("kharkiv-chair").count()).isEqualTo(1);
    }

    @Test
    void thirtyDaysBeforeTheTermEndsTheHolderRenewsForANewTerm() {
        RoleTerm term = appointed("export-marketing", "nadia", 60);
        ProcessInstance pi = instance(term.businessKey(), KEY);
        moveClock(Duration.ofDays(31));
        fireTimer(pi.getId(), TIMER_RENEWAL_DUE);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_ASK_RENEWAL);
        LocalDate newEnd = term.termEnd().plusYears(1);
        complete(term.businessKey(), TASK_ASK_RENEWAL, "nadia", Map.of(RENEWAL_DECISION, "renew",
                NEW_TERM_END.name(), Date.from(newEnd.atStartOfDay(AppClock.KYIV).toInstant())));

        BpmnAwareTests.assertThat(pi).isWaitingAt(TIMER_RENEWAL_DUE);
        RoleTerm renewed = registry.get(term.id());
        assertThat(renewed.termNumber()).isEqualTo(2);
        assertThat(renewed.termEnd()).isEqualTo(newEnd);
        assertThat(renewed.active()).isTrue();
    }

    @Test
    void aHandOverProposesTheSuccessorAndEndsTheTermWithItsRightsAtItsEnd() {
        RoleTerm term = appointed("fundraising", "nadia", 60);
        ProcessInstance pi = instance(term.businessKey(), KEY);
        moveClock(Duration.ofDays(31));
        fireTimer(pi.getId(), TIMER_RENEWAL_DUE);
        complete(term.businessKey(), TASK_ASK_RENEWAL, "petro", Map.of(RENEWAL_DECISION, "handover", SUCCESSOR.name(), "maria"));
        BpmnAwareTests.assertThat(pi).isWaitingAt(TIMER_HAND_OVER);
        assertThat(tasks.createTaskQuery().taskAssignee("maria").taskDefinitionKey(TASK_CONSIDER_NOMINATION).count())
                .isPositive();

        moveClock(Duration.ofDays(30));
        fireTimer(pi.getId(), TIMER_HAND_OVER);
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_TERM_ENDED);
        assertThat(registry.get(term.id()).status()).isEqualTo("ENDED");
        assertThat(directory.groupsOf("nadia")).doesNotContain("kharkiv-grant-screening");
    }

    @Test
    void aTermWithoutAnAnswerEndsAtItsEnd() {
        RoleTerm term = appointed("university-relations", "nadia", 40);
        ProcessInstance pi = instance(term.businessKey(), KEY);
        moveClock(Duration.ofDays(11));
        fireTimer(pi.getId(), TIMER_RENEWAL_DUE);
        moveClock(Duration.ofDays(30));
        fireTimer(pi.getId(), TIMER_TERM_ENDS);
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_TERM_ENDED);
    }

    @Test
    void theBoardCanRevokeARoleAtAnyTime() {
        RoleTerm term = appointed("fundraising", "nadia", 365);
        roles.requestRevocation(user("olena"), term.businessKey());
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(term.businessKey()).taskAssignee("nadia")
                .taskDefinitionKey(BoardVoteProcess.TASK_CAST_VOTE).count()).isZero();
        votes(term, "approve", "approve", "approve", "abstain");
        BpmnAwareTests.assertThat(instance(term.businessKey(), KEY)).isNull();
        assertThat(registry.get(term.id()).status()).isEqualTo("REVOKED");
        assertThat(directory.groupsOf("nadia")).doesNotContain("kharkiv-grant-screening");
        assertThat(history.createHistoricActivityInstanceQuery().activityId(END_REVOKED).count()).isPositive();
    }

    @Test
    void aRevocationTheBoardRejectsLeavesTheRoleWithItsHolder() {
        RoleTerm term = appointed("export-marketing", "nadia", 365);
        ProcessInstance pi = instance(term.businessKey(), KEY);
        roles.requestRevocation(user("petro"), term.businessKey());
        votes(term, "reject", "reject", "reject", "reject");
        BpmnAwareTests.assertThat(pi).isWaitingAt(TIMER_RENEWAL_DUE);
        assertThat(registry.get(term.id()).active()).isTrue();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(END_REVOCATION_REJECTED).count()).isEqualTo(1);
    }

    @Test
    void theFundraisingLeadScreensGrantApplicationsWhileTheTermRunsAndNotAfter() {
        RoleTerm term = appointed("fundraising", "maria", 40);
        GrantApplication during = grant();
        Task screening = task(during.reference(), GrantProcess.TASK_SCREEN);
        assertThat(taskList.visibleTask(user("maria"), screening.getId())).isPresent();
        work.complete(user("maria"), screening.getId(), FormSubmission.ofValues(Map.of("screeningDecision", "accept")));
        BpmnAwareTests.assertThat(instance(during.reference(), GrantProcess.KEY)).isWaitingAt(GrantProcess.TASK_ASSIGN_REVIEWERS);

        ProcessInstance pi = instance(term.businessKey(), KEY);
        moveClock(Duration.ofDays(11));
        fireTimer(pi.getId(), TIMER_RENEWAL_DUE);
        moveClock(Duration.ofDays(30));
        fireTimer(pi.getId(), TIMER_TERM_ENDS);

        GrantApplication after = grant();
        Task later = task(after.reference(), GrantProcess.TASK_SCREEN);
        assertThat(taskList.visibleTask(user("maria"), later.getId())).isEmpty();
    }

    // --- helpers

    private RoleTerm propose(String role, String nominee, int days) {
        return roles.propose("petro", new RoleDelegationService.Proposal("kharkiv", role, nominee, "Вести напрям",
                "Дві заявки на рік", 10, AppClock.today(), AppClock.today().plusDays(days)));
    }

    private RoleTerm appointed(String role, String nominee, int days) {
        RoleTerm term = propose(role, nominee, days);
        answer(term, "accept", null);
        votes(term, "approve", "approve", "approve", "approve");
        return registry.get(term.id());
    }

    private void answer(RoleTerm term, String answer, String comment) {
        Task task = task(term.businessKey(), TASK_CONSIDER_NOMINATION);
        Map<String, Object> variables = new HashMap<>();
        variables.put(NOMINATION_ANSWER, answer);
        variables.put(NOMINATION_COMMENT, comment);
        tasks.complete(task.getId(), variables);
    }

    private ProcessInstance vote(RoleTerm term) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(term.businessKey())
                .processDefinitionKey(BoardVoteProcess.KEY).singleResult();
    }

    /** The board members vote in order, skipping whoever is not asked (the nominee or holder). */
    private void votes(RoleTerm term, String... choices) {
        int next = 0;
        for (String voter : BOARD) {
            if (next == choices.length) {
                return;
            }
            Task ballot = tasks.createTaskQuery().processInstanceBusinessKey(term.businessKey())
                    .taskDefinitionKey(BoardVoteProcess.TASK_CAST_VOTE).taskAssignee(voter).singleResult();
            if (ballot != null) {
                Map<String, Object> variables = new HashMap<>();
                variables.put(BoardVoteProcess.VOTE.name(), choices[next++]);
                variables.put(BoardVoteProcess.VOTE_COMMENT.name(), null);
                tasks.complete(ballot.getId(), variables);
            }
        }
    }

    private GrantApplication grant() {
        long organisation = jdbc.sql("select id from member_organisation where contact_user = 'nadia'").query(Long.class)
                .single();
        GrantApplication draft = grants.createDraft("nadia", organisation);
        Map<String, String[]> params = new HashMap<>();
        params.put("programme", new String[] {"national"});
        params.put("callId", new String[] {"UA-2027"});
        params.put("callDeadline", new String[] {AppClock.today().plusDays(90).toString()});
        params.put("title", new String[] {"Національний проєкт"});
        params.put("summary", new String[] {"Опис"});
        params.put("requestedBudget", new String[] {"100000"});
        params.put("version", new String[] {String.valueOf(draft.version())});
        GrantForm form = GrantForm.typed(params);
        form.check(true);
        grants.save("nadia", draft.reference(), form, List.of(), true);
        return draft;
    }
}
