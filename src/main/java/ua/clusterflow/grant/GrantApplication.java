package ua.clusterflow.grant;

import ua.clusterflow.cluster.Countries;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A member's application for an EU or national call, with its consortium. */
public record GrantApplication(Long id, String reference, String clusterId, long organisationId, String createdBy,
                               GrantStatus status, String programme, String callId, LocalDate callDeadline,
                               String title, String summary, BigDecimal requestedBudget, BigDecimal coFinancing,
                               String screeningComment, String submissionReference, String outcome,
                               BigDecimal amountGranted, int version, List<Partner> partners, String titleEn,
                               String summaryEn) {

    /** The title for a reader of English: the English one where the applicant gave it. */
    public String titleIn(String language) {
        return "en".equals(language) && titleEn != null && !titleEn.isBlank() ? titleEn : title;
    }

    /** The summary for a reader of English: the English one where the applicant gave it. */
    public String summaryIn(String language) {
        return "en".equals(language) && summaryEn != null && !summaryEn.isBlank() ? summaryEn : summary;
    }

    public record Partner(String name, String country, String role, boolean foundByCluster) {
    }

    public long euPartners() {
        return partners.stream().filter(p -> Countries.eu(p.country())).count();
    }
}
