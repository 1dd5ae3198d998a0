package ua.clusterflow.tasklist;

import java.util.Collection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.TransactionLocks;

/**
 * How much a member organisation may keep in documents across all its cases. Uploads to a case that belongs to an
 * organisation are checked against it; the organisation's row is locked while checking, so two uploads at once cannot
 * both slip under the limit. Documents the app writes itself (letters, reports) are stored without the check and
 * count towards the total.
 */
@Component
public class DocumentQuota {

    public static final String PROBLEM = "error.file.quota";
    public static final String APPLICANTS_PROBLEM = "error.file.applicantsQuota";

    /** An upload that would take its organisation, or the cluster's applicants, over the quota. */
    public static class OverQuota extends RuntimeException {
        public OverQuota() {
            super("Over the document quota");
        }
    }

    private final JdbcClient jdbc;
    private volatile long quotaBytes;
    private final long applicantsQuotaBytes;

    public DocumentQuota(JdbcClient jdbc, @Value("${clusterflow.uploads.organisation-quota-mb:500}") long quotaMb,
                         @Value("${clusterflow.uploads.applicants-quota-mb:200}") long applicantsQuotaMb) {
        this.jdbc = jdbc;
        this.quotaBytes = quotaMb * 1024L * 1024L;
        this.applicantsQuotaBytes = applicantsQuotaMb * 1024L * 1024L;
    }

    public long applicantsQuotaMb() {
        return applicantsQuotaBytes / (1024L * 1024L);
    }

    /**
     * Refuses an upload by someone without an account (an organisation applying for membership) that would take the
     * documents of all such cases of the cluster, those of one process, over the applicants' quota. The cluster's
     * check is held (a transaction lock) until the caller's transaction ends, so that parallel uploads queue for it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void checkApplicants(String clusterId, String processKey, long addedBytes) {
        if (addedBytes <= 0) {
            return;
        }
        TransactionLocks.hold(jdbc, "applicants-quota:" + clusterId);
        long used = jdbc.sql("""
                select coalesce(sum(d.size_bytes), 0) from case_document d
                join case_record c on c.business_key = d.business_key
                where c.cluster_id = ? and c.process_key = ? and c.organisation_id is null""")
                .params(clusterId, processKey).query(Long.class).single();
        if (used + addedBytes > applicantsQuotaBytes) {
            throw new OverQuota();
        }
    }

    public long quotaMb() {
        return quotaBytes / (1024L * 1024L);
    }

    /** Changes the limit while the app runs (the operators' setting is read at start). */
    public void setQuotaBytes(long bytes) {
        this.quotaBytes = bytes;
    }

    /**
     * The message key when adding {@code addedBytes} to the case would take its organisation over the quota, or null.
     * Runs in the caller's transaction, which then holds the organisation's lock until it stores the files.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String problem(String businessKey, long addedBytes) {
        if (addedBytes <= 0) {
            return null;
        }
        Long organisation = jdbc.sql("select organisation_id from case_record where business_key = ?")
                .param(businessKey).query(Long.class).optional().orElse(null);
        if (organisation == null) {
            return null;
        }
        jdbc.sql("select id from member_organisation where id = ? for update").param(organisation)
                .query(Long.class).optional();
        return usedBytes(organisation) + addedBytes > quotaBytes ? PROBLEM : null;
    }

    /** {@link #problem(String, long)} for the files of a form. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String problem(String businessKey, Collection<FormSubmission.Upload> uploads) {
        return problem(businessKey, uploads.stream().mapToLong(u -> u.content().length).sum());
    }

    /** The bytes of documents on all the organisation's cases. */
    public long usedBytes(long organisation) {
        return jdbc.sql("""
                select coalesce(sum(d.size_bytes), 0) from case_document d
                join case_record c on c.business_key = d.business_key
                where c.organisation_id = ?""").param(organisation).query(Long.class).single();
    }
}
