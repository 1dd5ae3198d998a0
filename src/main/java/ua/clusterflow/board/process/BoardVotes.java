package ua.clusterflow.board.process;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import ua.clusterflow.board.BallotRepository;
import ua.clusterflow.tasklist.CaseRepository;

/**
 * What the board's pages read of the votes: the engine's side (which votes are open, whose ballot is still awaited)
 * next to the ballots and decisions kept in the application's tables, a few queries per page whatever the number of
 * votes on it.
 */
@Component
public class BoardVotes {

    public record OpenVote(String voteId, String businessKey, String title, boolean mine) {
    }

    public record MyBallot(String voteId, String title, String choice, String choiceLabel, Instant castAt) {
    }

    /** A vote as its page needs it: the cluster it belongs to and the case it decides on (none for a motion). */
    public record Vote(String voteId, String clusterId, String businessKey) {
    }

    private final HistoryService history;
    private final TaskService tasks;
    private final CaseRepository cases;
    private final BallotRepository ballots;

    public BoardVotes(HistoryService history, TaskService tasks, CaseRepository cases, BallotRepository ballots) {
        this.history = history;
        this.tasks = tasks;
        this.cases = cases;
        this.ballots = ballots;
    }

    /** The open votes of these clusters, newest first (at most 100), each saying whether it awaits this person. */
    public List<OpenVote> open(Collection<String> clusters, String userId) {
        if (clusters.isEmpty()) {
            return List.of();
        }
        List<HistoricProcessInstance> open = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(BoardVoteProcess.KEY).tenantIdIn(clusters.toArray(String[]::new)).unfinished()
                .orderByProcessInstanceStartTime().desc().listPage(0, 100);
        Set<String> awaiting = tasks.createTaskQuery().processDefinitionKey(BoardVoteProcess.KEY)
                .taskDefinitionKey(BoardVoteProcess.TASK_CAST_VOTE).taskAssignee(userId).listPage(0, 1000).stream()
                .map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> titles = cases.titles(open.stream().map(HistoricProcessInstance::getBusinessKey)
                .filter(Objects::nonNull).toList());
        return open.stream().map(p -> new OpenVote(p.getId(), p.getBusinessKey(), title(titles, p.getBusinessKey()),
                awaiting.contains(p.getId()))).toList();
    }

    /** The ballots this person cast, newest first, each with its vote's question. */
    public List<MyBallot> ballotsOf(String userId) {
        List<BallotRepository.Ballot> mine = ballots.ballotsOf(userId);
        if (mine.isEmpty()) {
            return List.of();
        }
        // ballotsOf names the vote in the voter's place
        Set<String> voteIds = new HashSet<>(mine.stream().map(BallotRepository.Ballot::voter).toList());
        Map<String, String> keys = history.createHistoricProcessInstanceQuery()
                .processInstanceIds(voteIds).listPage(0, voteIds.size()).stream().filter(p -> p.getBusinessKey() != null)
                .collect(Collectors.toMap(HistoricProcessInstance::getId, HistoricProcessInstance::getBusinessKey));
        Map<String, String> titles = cases.titles(keys.values());
        return mine.stream().map(b -> new MyBallot(b.voter(),
                keys.containsKey(b.voter()) ? title(titles, keys.get(b.voter())) : b.voter(), b.choice(),
                b.choiceLabel(), b.castAt()))
                .toList();
    }

    /** A vote of one of these clusters, if there is one with this id. */
    public Optional<Vote> find(String voteId, Collection<String> clusters) {
        HistoricProcessInstance vote = history.createHistoricProcessInstanceQuery().processInstanceId(voteId)
                .processDefinitionKey(BoardVoteProcess.KEY).singleResult();
        if (vote == null || !clusters.contains(vote.getTenantId())) {
            return Optional.empty();
        }
        return Optional.of(new Vote(vote.getId(), vote.getTenantId(), vote.getBusinessKey()));
    }

    public String title(String businessKey) {
        return businessKey == null ? "" : cases.find(businessKey).map(c -> c.title()).orElse(businessKey);
    }

    private static String title(Map<String, String> titles, String businessKey) {
        return businessKey == null ? "" : titles.getOrDefault(businessKey, businessKey);
    }
}
