package ua.clusterflow.grant;

import java.util.List;
import java.util.Locale;

/**
 * The reviews of one round: each score, the means, and whether the application passes the
 * thresholds Horizon Europe uses (at least 3 of 5 on each criterion and 10 of 15 in total, on the means).
 */
public record ReviewSummary(List<GrantRepository.Review> reviews) {

    public static final double CRITERION_THRESHOLD = 3;
    public static final double TOTAL_THRESHOLD = 10;

    public List<GrantRepository.Review> submitted() {
        return reviews.stream().filter(GrantRepository.Review::submitted).toList();
    }

    public double meanExcellence() {
        return submitted().stream().mapToInt(GrantRepository.Review::excellence).average().orElse(0);
    }

    public double meanImpact() {
        return submitted().stream().mapToInt(GrantRepository.Review::impact).average().orElse(0);
    }

    public double meanImplementation() {
        return submitted().stream().mapToInt(GrantRepository.Review::implementation).average().orElse(0);
    }

    public double meanTotal() {
        return meanExcellence() + meanImpact() + meanImplementation();
    }

    /** "none" without any review, else "pass" or "fail". */
    public String outcome() {
        if (submitted().isEmpty()) {
            return "none";
        }
        boolean each = meanExcellence() >= CRITERION_THRESHOLD && meanImpact() >= CRITERION_THRESHOLD
                && meanImplementation() >= CRITERION_THRESHOLD;
        return each && meanTotal() >= TOTAL_THRESHOLD ? "pass" : "fail";
    }

    public boolean complete() {
        return !reviews.isEmpty() && reviews.stream().allMatch(GrantRepository.Review::submitted);
    }

    /** The scores and comments as text, for the case history and the member's mail. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (GrantRepository.Review r : submitted()) {
            text.append(r.reviewerName()).append(": ").append(r.excellence()).append(" / ").append(r.impact())
                    .append(" / ").append(r.implementation()).append(" = ").append(r.total());
            if (r.comment() != null && !r.comment().isBlank()) {
                text.append(" — ").append(r.comment().trim());
            }
            text.append('\n');
        }
        text.append(String.format(Locale.ROOT, "Ø %.1f / %.1f / %.1f = %.1f", meanExcellence(),
                meanImpact(), meanImplementation(), meanTotal()));
        return text.toString();
    }
}
