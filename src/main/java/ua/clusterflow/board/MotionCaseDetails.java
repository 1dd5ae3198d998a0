package ua.clusterflow.board;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.Formats;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.tasklist.CaseDetails;

/** A motion on its case page, its vote's page and its proposer's task: the question, the text, when it closes. */
@Component
public class MotionCaseDetails implements CaseDetails {

    private final MotionRepository motions;
    private final ClusterDirectory directory;
    private final Formats formats;
    private final BallotRepository ballots;
    private final MessageSource messages;

    public MotionCaseDetails(MotionRepository motions, ClusterDirectory directory, Formats formats,
                             BallotRepository ballots, MessageSource messages) {
        this.ballots = ballots;
        this.messages = messages;
        this.motions = motions;
        this.directory = directory;
        this.formats = formats;
    }

    @Override
    public boolean supports(String processKey) {
        return BoardCases.MOTION_PROCESS_KEY.equals(processKey);
    }

    @Override
    public Map<String, String> details(String businessKey) {
        Map<String, String> facts = new LinkedHashMap<>();
        motions.byBusinessKey(businessKey).ifPresent(motion -> {
            facts.put("motion.question", motion.question());
            facts.put("motion.text", motion.body());
            if (motion.choices().any()) {
                List<String> labels = motion.choices().labels();
                facts.put("motion.options", IntStream.range(0, labels.size())
                        .mapToObj(i -> (i + 1) + ". " + labels.get(i)).collect(Collectors.joining("\n")));
            }
            facts.put("motion.proposer", directory.displayName(motion.proposer()));
            facts.put("motion.closesAt", formats.dateTime(motion.closesAt()));
            facts.put("motion.quorum", motion.quorumPercent() + " %");
            // once decided, what won and by how many: the proposer states the outcome from it
            ballots.decisionOfCase(businessKey).ifPresent(d -> facts.put("motion.outcome", messages.getMessage(
                    "motion.outcome.value", new Object[] {d.decisionLabel() != null && !d.decisionLabel().isBlank()
                            ? d.decisionLabel() : messages.getMessage("mail.decision." + d.decision(), null,
                            d.decision(), LocaleContextHolder.getLocale()), d.approvals(), d.rejections(),
                            d.abstentions()}, LocaleContextHolder.getLocale())));
            if (motion.statement() != null) {
                facts.put("motion.statement", motion.statement());
            }
        });
        return facts;
    }

    @Override
    public Optional<String> voteQuestion(String businessKey) {
        return motions.byBusinessKey(businessKey).map(Motion::question);
    }
}
