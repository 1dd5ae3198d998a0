package ua.clusterflow.grant.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.base.LinkLanguage;
import ua.clusterflow.base.SignedLinks;
import ua.clusterflow.grant.GrantApplication;
import ua.clusterflow.grant.GrantCaseDetails;
import ua.clusterflow.grant.GrantRepository;
import ua.clusterflow.grant.GrantReviews;
import ua.clusterflow.tasklist.CaseRepository;

/** A reviewer without an account scores an application through the signed link in their mail. */
@Controller
public class ReviewController {

    private final SignedLinks links;
    private final GrantRepository grants;
    private final GrantReviews service;
    private final CaseRepository cases;
    private final GrantCaseDetails details;

    private final LinkLanguage language;

    public ReviewController(SignedLinks links, GrantRepository grants, GrantReviews service, CaseRepository cases,
                            GrantCaseDetails details,
                            LinkLanguage language) {
        this.language = language;
        this.links = links;
        this.grants = grants;
        this.service = service;
        this.cases = cases;
        this.details = details;
    }

    @GetMapping("/review/{token}")
    public String initReviewForm(@PathVariable String token, HttpServletRequest request,
                                 HttpServletResponse response, Model model) {
        GrantRepository.Review review = review(token);
        language.apply(request, response, review.language());
        return show(review, token, null, null, null, null, model);
    }

    @PostMapping("/review/{token}")
    public String processReviewForm(@PathVariable String token, @RequestParam(defaultValue = "") String excellence,
                                    @RequestParam(defaultValue = "") String impact,
                                    @RequestParam(defaultValue = "") String implementation,
                                    @RequestParam(defaultValue = "") String comment, Model model,
                                    HttpServletResponse response) {
        GrantRepository.Review review = review(token);
        if (review.submitted()) {
            return show(review, token, null, null, null, null, model);
        }
        Integer e = score(excellence);
        Integer i = score(impact);
        Integer m = score(implementation);
        FieldErrors errors = new FieldErrors();
        if (e == null || i == null || m == null) {
            errors.reject("scores", "grant.review.scoreRequired");
        }
        if (comment.isBlank() || comment.length() > 4000) {
            errors.reject("comment", "error.required");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("errors", errors);
            return show(review, token, excellence, impact, implementation, comment, model);
        }
        service.submitReview(review.id(), e, i, m, comment.trim());
        return show(grants.review(review.id()).orElseThrow(), token, null, null, null, null, model);
    }

    @GetMapping("/review/{token}/documents/{documentId}")
    public ResponseEntity<byte[]> document(@PathVariable String token, @PathVariable long documentId) {
        GrantRepository.Review review = review(token);
        if (review.submitted()) {
            // the link was good for the review; after it, no document of the application is served through it
            throw new SignedLinks.InvalidLinkException(SignedLinks.Problem.CLOSED);
        }
        GrantApplication a = grants.get(review.applicationId());
        CaseRepository.CaseDocument doc = cases.document(documentId)
                .filter(d -> d.businessKey().equals(a.reference()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(doc.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(doc.contentType()))
                .body(cases.content(documentId));
    }

    private String show(GrantRepository.Review review, String token, String excellence, String impact,
                        String implementation, String comment, Model model) {
        GrantApplication a = grants.get(review.applicationId());
        model.addAttribute("review", review);
        model.addAttribute("grant", a);
        model.addAttribute("token", token);
        Map<String, String> facts = new LinkedHashMap<>(details.details(a.reference()));
        facts.remove("grant.reviews");
        model.addAttribute("details", review.submitted() ? Map.of() : facts);
        model.addAttribute("documents", review.submitted() ? List.of() : cases.documents(a.reference()));
        model.addAttribute("typedExcellence", excellence);
        model.addAttribute("typedImpact", impact);
        model.addAttribute("typedImplementation", implementation);
        model.addAttribute("typedComment", comment);
        return "grants/review";
    }

    private GrantRepository.Review review(String token) {
        String id = links.verify(GrantReviews.REVIEW_LINK, token);
        GrantRepository.Review review = grants.review(Long.parseLong(id))
                .orElseThrow(() -> new SignedLinks.InvalidLinkException(SignedLinks.Problem.INVALID));
        if (!review.submitted() && !service.open(review)) {
            // a review round that closed: its links are good for nothing in the next one
            throw new SignedLinks.InvalidLinkException(SignedLinks.Problem.CLOSED);
        }
        return review;
    }

    private static Integer score(String typed) {
        try {
            int value = Integer.parseInt(typed.trim());
            return value >= 0 && value <= 5 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
