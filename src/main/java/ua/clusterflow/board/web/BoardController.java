package ua.clusterflow.board.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.board.BallotRepository;
import ua.clusterflow.board.Tally;
import ua.clusterflow.board.process.BoardVotes;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.tasklist.CaseRecord;
import ua.clusterflow.tasklist.CaseRepository;
import ua.clusterflow.tasklist.engine.CaseService;

/**
 * The board's page: the votes open now, my ballots, and the decisions taken. A vote's tally is
 * shown to those who have voted, and its comments once it is closed.
 */
@Controller
public class BoardController {

    private final BallotRepository ballots;
    private final BoardVotes votes;
    private final CaseRepository cases;
    private final ClusterDirectory directory;
    private final CaseService caseService;

    public BoardController(BallotRepository ballots, BoardVotes votes, CaseRepository cases,
                           ClusterDirectory directory, CaseService caseService) {
        this.ballots = ballots;
        this.votes = votes;
        this.cases = cases;
        this.directory = directory;
        this.caseService = caseService;
    }

    @GetMapping("/board")
    public String board(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<String> clusters = boardClusters(user);
        model.addAttribute("openVotes", votes.open(clusters, user.id()));
        model.addAttribute("myBallots", votes.ballotsOf(user.id()));
        model.addAttribute("decisions", ballots.decisions(clusters));
        return "board/board";
    }

    @GetMapping("/board/votes/{voteId}")
    public String vote(@AuthenticationPrincipal CurrentUser user, @PathVariable String voteId, Model model) {
        BoardVotes.Vote vote = votes.find(voteId, boardClusters(user))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<BallotRepository.Ballot> cast = ballots.ballots(voteId);
        boolean voted = cast.stream().anyMatch(b -> b.voter().equals(user.id()));
        Optional<BallotRepository.Decision> decision = ballots.decision(voteId);
        Optional<CaseRecord> subject = vote.businessKey() == null ? Optional.empty() : cases.find(vote.businessKey());
        Tally counted = BallotRepository.counted(cast, cast.size(), 0);
        model.addAttribute("voteId", voteId);
        model.addAttribute("businessKey", vote.businessKey());
        // the layout's own parameter is called title: the vote's is named apart so the heading is the question itself
        model.addAttribute("voteTitle", votes.title(vote.businessKey()));
        model.addAttribute("subject", subject.orElse(null));
        model.addAttribute("details", subject.map(caseService::details).orElse(Map.of()));
        model.addAttribute("voted", voted);
        model.addAttribute("closed", decision.isPresent());
        model.addAttribute("decision", decision.orElse(null));
        model.addAttribute("castCount", cast.size());
        model.addAttribute("approvals", counted.approvals());
        model.addAttribute("rejections", counted.rejections());
        model.addAttribute("abstentions", counted.abstentions());
        model.addAttribute("ballots", decision.isPresent() ? cast : List.of());
        model.addAttribute("names", cast.stream().collect(java.util.stream.Collectors.toMap(
                BallotRepository.Ballot::voter, b -> directory.displayName(b.voter()), (a, b) -> a)));
        return "board/vote";
    }

    private static List<String> boardClusters(CurrentUser user) {
        return user.clusterIds().stream().filter(user::worksCasesOf).toList();
    }
}
