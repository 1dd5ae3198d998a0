package ua.clusterflow.grant;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.SignedLinks;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.mail.MailOutbox;
import ua.clusterflow.tasklist.CaseRepository;

/** The reviews of grant applications: reviewers invited through signed links, their scores, and the sum of a round. */
@Service
public class GrantReviews {

    public static final String REVIEW_LINK = "grant-review";
    private static final Duration REVIEW_LINK_VALIDITY = Duration.ofDays(21);

    /** A reviewer, with the language the coordinator chose for their mail and page. */
    public record Reviewer(String name, String email, String language) {

        public Reviewer(String name, String email) {
            this(name, email, "uk");
        }
    }

    private final GrantRepository grants;
    private final GrantService applications;
    private final CaseRepository cases;
    private final ClusterDirectory directory;
    private final MailOutbox outbox;
    private final SignedLinks links;
    private final GrantCases engine;

    public GrantReviews(GrantRepository grants, GrantService applications, CaseRepository cases,
                        ClusterDirectory directory, MailOutbox outbox, SignedLinks links, GrantCases engine) {
        this.grants = grants;
        this.applications = applications;
        this.cases = cases;
        this.directory = directory;
        this.outbox = outbox;
        this.links = links;
        this.engine = engine;
    }

    /** Opens a review round: each reviewer is mailed a signed link to score the application. */
    @Transactional
    public void inviteReviewers(long applicationId, List<Reviewer> reviewers) {
        GrantApplication a = grants.get(applicationId);
        int round = grants.currentRound(a.id()) + 1;
        for (Reviewer reviewer : reviewers) {
            long reviewId = grants.insertReview(a.id(), round, reviewer.name(), reviewer.email(), reviewer.language());
            String token = links.sign(REVIEW_LINK, String.valueOf(reviewId), REVIEW_LINK_VALIDITY);
            outbox.queue(reviewer.email(), reviewer.language(), "grant-review-invitation", Map.of(
                    "recipientName", reviewer.name(), "title", a.titleIn(reviewer.language()), "reference",
                    a.reference(), "clusterName", directory.clusterName(a.clusterId()),
                    "link", outbox.link("/review/" + token), "subjectArg", a.titleIn(reviewer.language())),
                    a.reference());
        }
        applications.setStatus(a, GrantStatus.UNDER_REVIEW, "grant-reviewers", String.join(", ",
                reviewers.stream().map(Reviewer::name).toList()));
    }

    public String reviewToken(long reviewId) {
        return links.sign(REVIEW_LINK, String.valueOf(reviewId), REVIEW_LINK_VALIDITY);
    }

    /** Whether a review belongs to its application's current round: a link of a closed round counts for nothing. */
    public boolean open(GrantRepository.Review review) {
        return review.round() == grants.currentRound(review.applicationId());
    }

    /** Records a review of the current round once; when the round is complete, the case moves on. */
    @Transactional
    public boolean submitReview(long reviewId, int excellence, int impact, int implementation, String comment) {
        if (!grants.review(reviewId).map(this::open).orElse(false)
                || !grants.submitReview(reviewId, excellence, impact, implementation, comment)) {
            return false;
        }
        GrantRepository.Review review = grants.review(reviewId).orElseThrow();
        GrantApplication a = grants.get(review.applicationId());
        cases.addEvent(a.reference(), review.reviewerName(), "grant-reviewed",
                excellence + " / " + impact + " / " + implementation);
        if (new ReviewSummary(grants.reviews(a.id(), review.round())).complete()) {
            engine.reviewsComplete(a.reference());
        }
        return true;
    }

    @Transactional
    public void remindReviewers(long applicationId) {
        GrantApplication a = grants.get(applicationId);
        for (GrantRepository.Review review : grants.reviews(a.id(), grants.currentRound(a.id()))) {
            if (!review.submitted()) {
                outbox.queue(review.reviewerEmail(), review.language(), "grant-review-invitation", Map.of(
                        "recipientName", review.reviewerName(), "title", a.titleIn(review.language()),
                        "reference", a.reference(), "clusterName", directory.clusterName(a.clusterId()),
                        "link", outbox.link("/review/" + reviewToken(review.id())),
                        "subjectArg", a.titleIn(review.language()),
                        "subjectKey", "mail.grant-review-reminder.subject"), a.reference());
            }
        }
        cases.addEvent(a.reference(), null, "reminder", "reviews");
    }

    public ReviewSummary reviews(GrantApplication a) {
        return new ReviewSummary(grants.reviews(a.id(), grants.currentRound(a.id())));
    }

    @Transactional
    public String summariseReviews(long applicationId) {
        GrantApplication a = grants.get(applicationId);
        ReviewSummary summary = reviews(a);
        cases.addEvent(a.reference(), null, "grant-reviews-" + summary.outcome(),
                summary.submitted().isEmpty() ? null : summary.describe());
        return summary.outcome();
    }
}
