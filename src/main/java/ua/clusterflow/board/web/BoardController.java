package ua.clusterflow.board.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.board.BallotRepository;
import ua.clusterflow.board.BoardCases;
import ua.clusterflow.board.BoardVoteService;
import ua.clusterflow.board.Choices;
import ua.clusterflow.board.Tally;
import ua.clusterflow.board.process.BoardVotes;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.tasklist.CaseRecord;
import ua.clusterflow.tasklist.CaseRepository;
import ua.clusterflow.tasklist.FormDefinition;
import ua.clusterflow.tasklist.FormSubmission;
import ua.clusterflow.tasklist.FormValidator;
import ua.clusterflow.tasklist.VoteQuestions;
import ua.clusterflow.tasklist.engine.CaseService;
import ua.clusterflow.tasklist.engine.FormDefinitions;
import ua.clusterflow.tasklist.web.FormRequests;

/**
 * The board's page: the votes open now, my ballots, and the register of decisions, searchable and exported as
 * minutes. A vote's tally is shown to those who have voted, and its comments once it is closed; a voter changes their
 * ballot there until the vote closes.
 */
@Controller
public class BoardController {

    static final String BALLOT_FORM = "forms/board-vote/board-vote-cast.form";
    private static final int REGISTER_PAGE = 100;
    private static final int MINUTES_ROWS = 5000;

    private final BallotRepository ballots;
    private final BoardVotes votes;
    private final BoardVoteService voteService;
    private final BoardCases engine;
    private final CaseRepository cases;
    private final ClusterDirectory directory;
    private final CaseService caseService;
    private final FormDefinitions forms;
    private final FormValidator validator;
    private final DecisionsWorkbook workbook;

    private final VoteQuestions questions;

    public BoardController(BallotRepository ballots, BoardVotes votes, BoardVoteService voteService, BoardCases engine,
                           CaseRepository cases, ClusterDirectory directory, CaseService caseService,
                           FormDefinitions forms, FormValidator validator, DecisionsWorkbook workbook,
                           VoteQuestions questions) {
        this.questions = questions;
        this.ballots = ballots;
        this.votes = votes;
        this.voteService = voteService;
        this.engine = engine;
        this.cases = cases;
        this.directory = directory;
        this.caseService = caseService;
        this.forms = forms;
        this.validator = validator;
        this.workbook = workbook;
    }

    @GetMapping("/board")
    public String board(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String q,
                        Model model) {
        List<String> clusters = boardClusters(user);
        model.addAttribute("openVotes", votes.open(clusters, user.id()));
        model.addAttribute("myBallots", votes.ballotsOf(user.id()));
        model.addAttribute("decisions", ballots.decisions(clusters, q, REGISTER_PAGE));
        model.addAttribute("q", q);
        model.addAttribute("boards", directory.clusters(clusters));
        return "board/board";
    }

    /** The register of decisions (or those found by the search) as a spreadsheet: the board's minutes. */
    @GetMapping("/board/decisions.xlsx")
    public ResponseEntity<byte[]> minutes(@AuthenticationPrincipal CurrentUser user,
                                          @RequestParam(defaultValue = "") String q, Locale locale) {
        List<String> clusters = boardClusters(user);
        if (clusters.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=board-decisions.xlsx")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(workbook.write(ballots.decisions(clusters, q, MINUTES_ROWS), locale));
    }

    @GetMapping("/board/votes/{voteId}")
    public String vote(@AuthenticationPrincipal CurrentUser user, @PathVariable String voteId, Model model) {
        return showVote(user, voteId, null, model);
    }

    /** A voter's new choice in place of their ballot, while the vote still takes ballots. */
    @PostMapping("/board/votes/{voteId}/ballot")
    public String changeBallot(@AuthenticationPrincipal CurrentUser user, @PathVariable String voteId,
                               HttpServletRequest request, HttpServletResponse response, Model model,
                               RedirectAttributes redirect) {
        BoardVotes.Vote vote = visibleVote(user, voteId);
        FormSubmission ballot = FormRequests.validate(validator, ballotForm(choices(voteId)), request);
        if (ballot.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return showVote(user, voteId, ballot, model);
        }
        Optional<BoardVoteService.ChangeRefused> refused = voteService.change(voteId, vote.businessKey(), user.id(),
                ballot.text("vote"), ballot.text("voteComment"));
        if (refused.isPresent()) {
            redirect.addFlashAttribute("error", "board.ballot.refused." + refused.get().name());
        } else {
            redirect.addFlashAttribute("message", "board.ballot.changed");
        }
        return "redirect:/board/votes/" + voteId;
    }

    private String showVote(CurrentUser user, String voteId, FormSubmission typedBallot, Model model) {
        BoardVotes.Vote vote = visibleVote(user, voteId);
        List<BallotRepository.Ballot> cast = ballots.ballots(voteId);
        Optional<BallotRepository.Ballot> mine = cast.stream().filter(b -> b.voter().equals(user.id())).findFirst();
        Optional<BallotRepository.Decision> decision = ballots.decision(voteId);
        Optional<CaseRecord> subject = vote.businessKey() == null ? Optional.empty() : cases.find(vote.businessKey());
        Tally counted = BallotRepository.counted(cast, cast.size(), 0);
        boolean changeable = mine.isPresent() && decision.isEmpty() && engine.takesBallots(voteId);
        Choices choices = choices(voteId);
        model.addAttribute("choiceCounts", choices.count(cast).entrySet().stream()
                .map(c -> Map.entry(choices.label(c.getKey()), c.getValue())).toList());
        model.addAttribute("voteId", voteId);
        model.addAttribute("businessKey", vote.businessKey());
        // the layout's own parameter is called title: the vote's is named apart so the heading is the question itself
        model.addAttribute("voteTitle", votes.title(vote.businessKey()));
        model.addAttribute("voteQuestion", questions.of(vote.businessKey()).orElse(null));
        model.addAttribute("subject", subject.orElse(null));
        model.addAttribute("details", subject.map(caseService::details).orElse(Map.of()));
        model.addAttribute("documents", subject.map(s -> cases.documents(s.businessKey())).orElse(List.of()));
        model.addAttribute("voted", mine.isPresent());
        model.addAttribute("closed", decision.isPresent());
        model.addAttribute("decision", decision.orElse(null));
        model.addAttribute("castCount", cast.size());
        model.addAttribute("approvals", counted.approvals());
        model.addAttribute("rejections", counted.rejections());
        model.addAttribute("abstentions", counted.abstentions());
        model.addAttribute("ballots", decision.isPresent() ? cast : List.of());
        model.addAttribute("names", cast.stream().collect(Collectors.toMap(
                BallotRepository.Ballot::voter, b -> directory.displayName(b.voter()), (a, b) -> a)));
        model.addAttribute("changeable", changeable);
        if (changeable) {
            model.addAttribute("ballotForm", ballotForm(choices));
            model.addAttribute("ballot", typedBallot != null ? typedBallot : FormSubmission.of(Map.of(
                    "vote", mine.get().choice(), "voteComment", mine.get().comment() == null ? "" : mine.get().comment())));
        }
        return "board/vote";
    }

    private BoardVotes.Vote visibleVote(CurrentUser user, String voteId) {
        return votes.find(voteId, boardClusters(user)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The ballot's form, with the vote's options in place of for and against when it chooses among options. */
    private FormDefinition ballotForm(Choices choices) {
        return forms.fromClasspath(BALLOT_FORM).withChoices(name -> choices.any() ? choices.ballotChoices() : null);
    }

    private Choices choices(String voteId) {
        return Choices.parse(engine.options(voteId));
    }

    private static List<String> boardClusters(CurrentUser user) {
        return user.clusterIds().stream().filter(user::worksCasesOf).toList();
    }
}
