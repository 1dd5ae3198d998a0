package ua.clusterflow.tasklist;

import java.util.Collection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How much a member organisation may keep in documents across all its cases. Uploads to a case that belongs to an
 * organisation are checked against it; the organisation's row is locked while checking, so two uploads at once cannot
 * both slip under the limit. Documents the app writes itself (letters, reports) are stored without the check and
 * count towards the total.
 */
@Component
public class DocumentQuota {

    public static final String PROBLEM = "error.file.quota";

    private final JdbcClient jdbc;
    private volatile long quotaBytes;

    public DocumentQuota(JdbcClient jdbc, @Value("${clusterflow.uploads.organisation-quota-mb:500}") long quotaMb) {
        this.jdbc = jdbc;
        this.quotaBytes = quotaMb * 1024L * 1024L;
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
