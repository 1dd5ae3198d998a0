package ua.clusterflow.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of a vote that chooses among them rather than approving or rejecting one proposal: each ballot names
 * one option ({@code option1} … {@code option6}) or abstains. The same rules read the count as for a proposal: the
 * vote closes early once the quorum has voted and one option holds more than half of all who vote; at its close the
 * quorum must be met and one option must have more ballots than any other, or else the vote is undecided and the chair
 * settles it. {@link #NONE} stands for a proposal's vote.
 */
public record Choices(List<String> labels) {

    public static final Choices NONE = new Choices(List.of());
    public static final int MOST = 6;
    public static final int MAX_LABEL = 200;

    /** The options typed one to a line, empty lines left out; {@link #NONE} when nothing was typed. */
    public static Choices parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return NONE;
        }
        return new Choices(typed.lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
    }

    public boolean any() {
        return !labels.isEmpty();
    }

    /** The options as one line each, as they are kept with the motion and handed to the vote. */
    public String typed() {
        return String.join("\n", labels);
    }

    public static String value(int index) {
        return "option" + (index + 1);
    }

    /** The option a ballot's value names, or null for a value that is none of them (abstain, approve, reject). */
    public String label(String value) {
        for (int i = 0; i < labels.size(); i++) {
            if (value(i).equals(value)) {
                return labels.get(i);
            }
        }
        return null;
    }

    /** The ballot's choices as the form's {@code choicesFrom} reads them: each option, then abstaining. */
    public String ballotChoices() {
        return settleChoices() + "\n" + Tally.ABSTAIN + "=" + Tally.ABSTAIN;
    }

    /** The chair's choices when the count leaves the vote undecided: the options alone. */
    public String settleChoices() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            lines.add(value(i) + "=" + labels.get(i));
        }
        return String.join("\n", lines);
    }

    /** The ballots for each option, in the options' order. */
    public Map<String, Integer> count(List<BallotRepository.Ballot> ballots) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String value = value(i);
            counts.put(value, (int) ballots.stream().filter(b -> value.equals(b.choice())).count());
        }
        return counts;
    }

    /** The outcome while the vote is open: {@code open}, or the option that can no longer be outvoted. */
    public String whileOpen(List<BallotRepository.Ballot> ballots, int eligible, int quorum) {
        Map<String, Integer> counts = count(ballots);
        if (ballots.size() >= quorum) {
            for (Map.Entry<String, Integer> option : counts.entrySet()) {
                if (option.getValue() * 2 > eligible) {
                    return option.getKey();
                }
            }
        }
        return ballots.size() >= eligible ? atClose(ballots, quorum) : VoteOutcome.OPEN.value();
    }

    /** The outcome at the close: the option with the most ballots, or {@code undecided} without a quorum or on a tie. */
    public String atClose(List<BallotRepository.Ballot> ballots, int quorum) {
        if (ballots.size() < quorum) {
            return VoteOutcome.UNDECIDED.value();
        }
        String best = null;
        int most = 0;
        boolean tie = false;
        for (Map.Entry<String, Integer> option : count(ballots).entrySet()) {
            if (option.getValue() > most) {
                best = option.getKey();
                most = option.getValue();
                tie = false;
            } else if (option.getValue() == most && most > 0) {
                tie = true;
            }
        }
        return best == null || tie ? VoteOutcome.UNDECIDED.value() : best;
    }
}
