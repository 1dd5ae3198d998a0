package ua.clusterflow.membership;

import java.time.LocalDate;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Detail;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Invoices;
import ua.clusterflow.cluster.MemberJoined;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.cluster.MembershipStatus;
import ua.clusterflow.cluster.OrganisationPerson;
import ua.clusterflow.cluster.Person;
import ua.clusterflow.mail.MailOutbox;
import ua.clusterflow.tasklist.CaseRecord;
import ua.clusterflow.tasklist.CaseRepository;

/**
 * The rules and records of a membership after joining: one case per organisation and membership year, its dues,
 * the statuses it moves through, resignation and exclusion. The process model decides the order of the steps.
 */
@Service
public class MembershipService {

    /** The hour of the day on which the year's steps fall: invoices and status changes go out in the morning. */
    static final int HOUR = 9;

    private final Memberships memberships;
    private final MemberOrganisationRepository organisations;
    private final CaseRepository cases;
    private final ClusterDirectory directory;
    private final MailOutbox outbox;
    private final MembershipYears years;
    private final MembershipMails mails;
    private final MembershipInvoicing invoicing;
    private final Invoices invoices;

    public MembershipService(Memberships memberships, MemberOrganisationRepository organisations,
                             CaseRepository cases, ClusterDirectory directory, MailOutbox outbox,
                             MembershipYears years, MembershipMails mails, MembershipInvoicing invoicing,
                             Invoices invoices) {
        this.invoices = invoices;
        this.mails = mails;
        this.invoicing = invoicing;
        this.memberships = memberships;
        this.organisations = organisations;
        this.cases = cases;
        this.directory = directory;
        this.outbox = outbox;
        this.years = years;
    }

    public static String businessKey(long organisationId, LocalDate yearFrom) {
        return "MY-" + organisationId + "-" + yearFrom.getYear();
    }

    /** A new member's fee paid for joining is its first year's dues; its next year opens for the renewal date. */
    @EventListener
    @Transactional
    public void joined(MemberJoined joined) {
        MemberOrganisation org = organisation(joined.organisationId());
        LocalDate today = AppClock.today();
        memberships.addDues(org.id(), today, joined.feeCategory(), joined.fee());
        memberships.invoiced(org.id(), today, today);
        memberships.paid(org.id(), today, joined.paidOn(), null);
        LocalDate renewal = memberships.terms(org.clusterId()).firstRenewalAfter(today);
        memberships.setPaidUntil(org.id(), renewal);
        openYear(org.id(), renewal);
    }

    /**
     * Opens the case of the membership year that begins on the given day; the case waits for that day. A year that is
     * open already stays as it is.
     */
    @Transactional
    public String openYear(long organisationId, LocalDate yearFrom) {
        MemberOrganisation org = organisation(organisationId);
        String key = businessKey(organisationId, yearFrom);
        if (cases.find(key).isPresent()) {
            return key;
        }
        years.start(key, org.clusterId(), org.id(), newYearCase(org, yearFrom), yearFrom);
        return key;
    }

    /**
     * A member brought in from the register the cluster kept before: paid up to a day, from which its next year's
     * case waits for the renewal.
     */
    @Transactional
    public String bringIn(long organisationId, LocalDate paidUntil) {
        memberships.setPaidUntil(organisationId, paidUntil);
        return openYear(organisationId, paidUntil);
    }

    /**
     * A member brought in with the year that began on the given day invoiced and still unpaid, at the step that year
     * has reached: in grace until the day given, or lapsed. Its case waits for the coordinator's confirmation there.
     */
    @Transactional
    public String bringInUnpaid(long organisationId, LocalDate yearFrom, MembershipStatus status, LocalDate lapsesOn) {
        if (status != MembershipStatus.IN_GRACE && status != MembershipStatus.LAPSED) {
            throw new IllegalArgumentException("an unpaid year is in grace or lapsed: " + status);
        }
        MemberOrganisation org = organisation(organisationId);
        String key = businessKey(organisationId, yearFrom);
        String title = newYearCase(org, yearFrom);
        long dues = invoicing.determineDues(organisationId, yearFrom).amount();
        memberships.invoiced(organisationId, yearFrom, yearFrom);
        memberships.setPaidUntil(organisationId, yearFrom);
        years.startUnpaid(key, org.clusterId(), org.id(), title, yearFrom, dues, lapsesOn,
                status == MembershipStatus.IN_GRACE);
        changeStatus(org, status, "dues-unpaid", null);
        caseStatus(key, status == MembershipStatus.IN_GRACE ? YearStatus.IN_GRACE : YearStatus.LAPSED, false);
        return key;
    }

    /** The case record of a new membership year; returns its title. */
    private String newYearCase(MemberOrganisation org, LocalDate yearFrom) {
        String key = businessKey(org.id(), yearFrom);
        String title = org.name() + " · " + yearFrom.getYear() + "/" + String.valueOf(yearFrom.getYear() + 1).substring(2);
        cases.insert(new CaseRecord(key, org.clusterId(), MembershipYears.PROCESS_KEY, title, YearStatus.YEAR_OPEN.name(),
                org.id(), null, null, null));
        cases.addEvent(key, null, "year-open", Detail.date(yearFrom));
        return title;
    }

    @Transactional
    public void startGrace(long organisationId, LocalDate yearFrom) {
        MemberOrganisation org = organisation(organisationId);
        changeStatus(org, MembershipStatus.IN_GRACE, "dues-unpaid", null);
        caseStatus(businessKey(organisationId, yearFrom), YearStatus.IN_GRACE, false);
        mails.notifyBilling(org, yearFrom, "grace");
    }

    /** The grace period passed unpaid: the organisation's people lose the member's rights, and everyone is told. */
    @Transactional
    public void markLapsed(long organisationId, LocalDate yearFrom) {
        MemberOrganisation org = organisation(organisationId);
        changeStatus(org, MembershipStatus.LAPSED, "dues-unpaid", null);
        caseStatus(businessKey(organisationId, yearFrom), YearStatus.LAPSED, false);
        mails.notifyBilling(org, yearFrom, "lapsed");
        for (Person coordinator : directory.peopleWithRole(org.clusterId(), Role.COORDINATOR)) {
            outbox.queue(coordinator, "membership-notice", mails.notice(org, yearFrom, "lapsed-coordinator"),
                    businessKey(organisationId, yearFrom));
        }
    }

    @Transactional
    public void closeLapsed(long organisationId, LocalDate yearFrom) {
        String key = businessKey(organisationId, yearFrom);
        cases.addEvent(key, null, "lapsed-closed", null);
        caseStatus(key, YearStatus.LAPSED, true);
    }

    /**
     * The coordinator confirmed the year's dues: paid up to the next renewal, current again (a member in grace or
     * lapsed is reinstated, its people get the member's rights back), and the next year opens unless the member gave
     * notice.
     */
    @Transactional
    public void recordPaid(long organisationId, LocalDate yearFrom, LocalDate paidOn, String reference) {
        MemberOrganisation org = organisation(organisationId);
        String key = businessKey(organisationId, yearFrom);
        memberships.paid(organisationId, yearFrom, paidOn == null ? AppClock.today() : paidOn, reference);
        invoices.paid(key, paidOn == null ? AppClock.today() : paidOn, reference);
        LocalDate next = yearFrom.plusYears(1);
        memberships.setPaidUntil(organisationId, next);
        if (org.status() == MembershipStatus.LAPSED) {
            changeStatus(org, MembershipStatus.CURRENT, "reinstated", null);
        } else if (org.status() == MembershipStatus.IN_GRACE) {
            changeStatus(org, MembershipStatus.CURRENT, "paid-in-grace", null);
        }
        cases.addEvent(key, null, "dues-paid", reference);
        caseStatus(key, YearStatus.DUES_PAID, true);
        if (org.status() == MembershipStatus.LAPSED) {
            mails.notifyBilling(org, yearFrom, "reinstated");
        } else if (memberships.dues(organisationId, yearFrom).map(d -> d.amount().signum() > 0).orElse(false)) {
            mails.notifyBilling(org, yearFrom, "renewed");
        }
        if (memberships.noticeUntil(organisationId).isEmpty()) {
            openYear(organisationId, next);
        }
    }

    /**
     * A member resigns from its profile, or the coordinator records its resignation: the notice period the cluster
     * set begins, and the membership ends when it is over. Refused (empty) when the membership has ended already or
     * notice was given before.
     */
    @Transactional
    public Optional<LocalDate> resign(long organisationId, String reason, String actor) {
        MemberOrganisation org = organisation(organisationId);
        if (org.status().ended() || memberships.noticeUntil(organisationId).isPresent()) {
            return Optional.empty();
        }
        LocalDate ends = AppClock.today().plusDays(memberships.terms(org.clusterId()).noticeDays());
        Optional<String> year = years.openYear(organisationId);
        if (year.isEmpty()) {
            // a year closed as lapsed has no case left to wait in: the membership ends at once
            memberships.setNoticeUntil(organisationId, AppClock.today());
            changeStatus(org, MembershipStatus.RESIGNED, reason, actor);
            return Optional.of(AppClock.today());
        }
        memberships.setNoticeUntil(organisationId, ends);
        years.resignation(year.get(), ends, reason, actor);
        return Optional.of(ends);
    }

    @Transactional
    public void recordNotice(long organisationId, String businessKey, String reason, String actor) {
        MemberOrganisation org = organisation(organisationId);
        LocalDate until = memberships.noticeUntil(organisationId).orElse(AppClock.today());
        memberships.addEvent(organisationId, org.status(), AppClock.today(), "notice-given", actor);
        cases.addEvent(businessKey, actor, "notice-given", reason);
        Map<String, Object> model = mails.notice(org, null, "notice");
        model.put("date", until);
        model.put("quote", reason);
        for (Person person : mails.mainAndCoordinators(org)) {
            outbox.queue(person, "membership-notice", model, businessKey);
        }
    }

    /**
     * The member withdraws its notice before the period is over (its main contact or a coordinator): it stays a
     * member, and a year that would have opened had it not given notice opens now. Refused (false) when no notice
     * waits to end.
     */
    @Transactional
    public boolean withdrawNotice(long organisationId, String actor) {
        MemberOrganisation org = organisation(organisationId);
        if (org.status().ended() || memberships.noticeUntil(organisationId).isEmpty()
                || !years.noticeWithdrawn(organisationId, actor)) {
            return false;
        }
        memberships.setNoticeUntil(organisationId, null);
        if (years.openYear(organisationId).isEmpty() && org.paidUntil() != null) {
            openYear(organisationId, org.paidUntil());
        }
        return true;
    }

    @Transactional
    public void recordWithdrawal(long organisationId, String businessKey, String actor) {
        MemberOrganisation org = organisation(organisationId);
        memberships.addEvent(organisationId, org.status(), AppClock.today(), "notice-withdrawn", actor);
        cases.addEvent(businessKey, actor, "notice-withdrawn", null);
        for (Person person : mails.mainAndCoordinators(org)) {
            outbox.queue(person, "membership-notice", mails.notice(org, null, "notice-withdrawn"), businessKey);
        }
    }

    /** The notice period is over: the membership ends as resigned, and so does any other year's case. */
    @Transactional
    public void endResigned(long organisationId, String businessKey, String reason, String actor) {
        MemberOrganisation org = organisation(organisationId);
        changeStatus(org, MembershipStatus.RESIGNED, reason == null ? "resigned" : reason, actor);
        caseStatus(businessKey, YearStatus.RESIGNED, true);
        endOtherYears(organisationId, businessKey, "resigned");
        for (Person person : mails.mainAndCoordinators(org)) {
            outbox.queue(person, "membership-notice", mails.notice(org, null, "resigned"), businessKey);
        }
    }

    /**
     * A coordinator or a board member puts the exclusion of a member to the board. Refused (false) when the member
     * has no open year, has left already, or a vote on its exclusion runs.
     */
    @Transactional
    public boolean proposeExclusion(long organisationId, String reason, String actor) {
        MemberOrganisation org = organisation(organisationId);
        Optional<String> year = years.openYear(organisationId);
        if (org.status().ended() || year.isEmpty() || exclusionRunning(organisationId)) {
            return false;
        }
        years.exclusion(year.get(), reason, actor);
        return true;
    }

    public boolean exclusionRunning(long organisationId) {
        return years.openYear(organisationId).map(years::exclusionRunning).orElse(false);
    }

    @Transactional
    public void exclusionVoteStarted(String businessKey, String reason, String actor) {
        cases.addEvent(businessKey, actor == null ? null : directory.displayName(actor), "exclusion-proposed", reason);
    }

    @Transactional
    public void exclude(long organisationId, String businessKey, String reason) {
        MemberOrganisation org = organisation(organisationId);
        // the grounds the board decided on; a comment of a ballot against is never given as the reason
        String why = reason;
        changeStatus(org, MembershipStatus.EXCLUDED, why, null);
        caseStatus(businessKey, YearStatus.EXCLUDED, true);
        endOtherYears(organisationId, businessKey, "excluded");
        Map<String, Object> model = mails.notice(org, null, "excluded");
        model.put("quote", why);
        for (Person person : mails.mainAndCoordinators(org)) {
            outbox.queue(person, "membership-notice", model, businessKey);
        }
    }

    @Transactional
    public void keepMember(long organisationId, String businessKey, String actor, String boardReason) {
        MemberOrganisation org = organisation(organisationId);
        cases.addEvent(businessKey, null, "exclusion-rejected", boardReason);
        Map<String, Object> model = mails.notice(org, null, "kept");
        model.put("quote", boardReason);
        directory.person(actor).ifPresent(person -> outbox.queue(person, "membership-notice", model, businessKey));
    }

    private void endOtherYears(long organisationId, String businessKey, String reason) {
        for (String other : years.endOtherYears(organisationId, businessKey, reason)) {
            cases.addEvent(other, null, "year-ended", reason);
            caseStatus(other, YearStatus.valueOf(reason.toUpperCase(Locale.ROOT)), true);
        }
    }

    /**
     * A new status with its day and reason in the history; the organisation's people hold the member's rights while
     * it is active, and lose them (on their next request) when it stops being so, unless they speak for another active
     * member of the cluster.
     */
    private void changeStatus(MemberOrganisation org, MembershipStatus status, String reason, String actor) {
        memberships.setStatus(org.id(), status, AppClock.today(), reason,
                actor == null ? null : directory.displayName(actor));
        if (status.active() == org.status().active()) {
            return;
        }
        for (OrganisationPerson person : organisations.people(org.id())) {
            if (status.active()) {
                directory.grant(person.userId(), org.clusterId(), Role.MEMBER);
            } else if (!organisations.speaksForAnotherActive(person.userId(), org.clusterId(), org.id())) {
                directory.revoke(person.userId(), org.clusterId(), Role.MEMBER);
            }
        }
    }

    private void caseStatus(String businessKey, YearStatus status, boolean close) {
        cases.updateStatus(businessKey, status.name(), close);
    }

    private MemberOrganisation organisation(long organisationId) {
        return organisations.find(organisationId).orElseThrow();
    }

    /** The morning of a day in Kyiv, when the year's timers fire. */
    public static Date morningOf(LocalDate day) {
        return Date.from(day.atTime(HOUR, 0).atZone(AppClock.KYIV).toInstant());
    }
}
