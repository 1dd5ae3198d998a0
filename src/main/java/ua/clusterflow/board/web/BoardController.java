package ua.clusterflow.board.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import ua.clusterflow.board.BallotRepository;
import ua.clusterflow.board.process.BoardVoteProcess;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.system.CurrentUser;
import ua.clusterflow.tasklist.CaseRecord;
import ua.clusterflow.tasklist.CaseRepository;
import ua.clusterflow.tasklist.CaseService;

/**
 * The board's page: the votes open now, my ballots, and the decisions taken. A vote's tally is
 * shown to those who have voted, and its comments once it is closed.
 */
@Controller
public class BoardController {

    public record OpenVote(String voteId, String businessKey, String title, boolean mine) {
    }

    public record MyBallot(String voteId, String title, String choice, java.time.Instant castAt) {
    }

    private final BallotRepository ballots;
    private final HistoryService history;
    private final TaskService tasks;
    private final CaseRepository cases;
    private final ClusterDirectory directory;
    private final CaseService caseService;

    public BoardController(BallotRepository ballots, HistoryService history, TaskService tasks, CaseRepository cases,
                           ClusterDirectory directory, CaseService caseService) {
        this.caseService = caseService;
        this.ballots = ballots;
        this.history = history;
        this.tasks = tasks;
        this.cases = cases;
        this.directory = directory;
    }

    @GetMapping("/board")
    public String board(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<String> clusters = boardClusters(user);
        List<OpenVote> open = clusters.isEmpty() ? List.of() : history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(BoardVoteProcess.KEY).tenantIdIn(clusters.toArray(String[]::new)).unfinished()
                .orderByProcessInstanceStartTime().desc().listPage(0, 100).stream()
                .map(p -> new OpenVote(p.getId(), p.getBusinessKey(), title(p.getBusinessKey()),
                        tasks.createTaskQuery().processInstanceId(p.getId()).taskAssignee(user.id()).count() > 0))
                .toList();
        model.addAttribute("openVotes", open);
        model.addAttribute("myBallots", ballots.ballotsOf(user.id()).stream()
                .map(b -> new MyBallot(b.voter(), voteTitle(b.voter()), b.choice(), b.castAt())).toList());
        model.addAttribute("decisions", ballots.decisions(clusters));
        return "board/board";
    }

    @GetMapping("/board/votes/{voteId}")
    public String vote(@AuthenticationPrincipal CurrentUser user, @PathVariable String voteId, Model model) {
        HistoricProcessInstance vote = history.createHistoricProcessInstanceQuery().processInstanceId(voteId)
                .processDefinitionKey(BoardVoteProcess.KEY).singleResult();
        if (vote == null || !boardClusters(user).contains(vote.getTenantId())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<BallotRepository.Ballot> cast = ballots.ballots(voteId);
        boolean voted = cast.stream().anyMatch(b -> b.voter().equals(user.id()));
        Optional<BallotRepository.Decision> decision = ballots.decision(voteId);
        Optional<CaseRecord> subject = vote.getBusinessKey() == null ? Optional.empty()
                : cases.find(vote.getBusinessKey());
        model.addAttribute("voteId", voteId);
        model.addAttribute("businessKey", vote.getBusinessKey());
        // the layout's own parameter is called title: the vote's is named apart so the heading is the question itself
        model.addAttribute("voteTitle", title(vote.getBusinessKey()));
        model.addAttribute("subject", subject.orElse(null));
        model.addAttribute("details", subject.map(caseService::details).orElse(Map.of()));
        model.addAttribute("voted", voted);
        model.addAttribute("closed", decision.isPresent());
        model.addAttribute("decision", decision.orElse(null));
        model.addAttribute("castCount", cast.size());
        model.addAttribute("approvals", cast.stream().filter(b -> "approve".equals(b.choice())).count());
        model.addAttribute("rejections", cast.stream().filter(b -> "reject".equals(b.choice())).count());
        model.addAttribute("abstentions", cast.stream().filter(b -> "abstain".equals(b.choice())).count());
        model.addAttribute("ballots", decision.isPresent() ? cast : List.of());
        model.addAttribute("names", cast.stream().collect(java.util.stream.Collectors.toMap(
                BallotRepository.Ballot::voter, b -> directory.displayName(b.voter()), (a, b) -> a)));
        return "board/vote";
    }

    private static List<String> boardClusters(CurrentUser user) {
        return user.clusterIds().stream().filter(user::worksCasesOf).toList();
    }

    private String title(String businessKey) {
        return businessKey == null ? "" : cases.find(businessKey).map(c -> c.title()).orElse(businessKey);
    }

    private String voteTitle(String voteId) {
        HistoricProcessInstance vote = history.createHistoricProcessInstanceQuery().processInstanceId(voteId)
                .singleResult();
        return vote == null ? voteId : title(vote.getBusinessKey());
    }
}
