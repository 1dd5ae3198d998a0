package ua.clusterflow.onboarding;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Detail;
import ua.clusterflow.base.Role;
import ua.clusterflow.base.SignedLinks;
import ua.clusterflow.cluster.ClusterAdminService;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.MemberJoined;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.Invoices;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.cluster.PaymentDetails;
import ua.clusterflow.cluster.Person;
import ua.clusterflow.cluster.engine.MembershipFee;
import ua.clusterflow.mail.MailOutbox;
import ua.clusterflow.tasklist.CaseRecord;
import ua.clusterflow.tasklist.CaseRepository;
import ua.clusterflow.tasklist.DocumentQuota;
import ua.clusterflow.tasklist.FormSubmission;

/** The rules and records of member onboarding; the process model decides the order of the steps. */
@Service
public class OnboardingService {

    public static final String TRACK_LINK = "onboarding-track";
    static final Duration TRACK_LINK_VALIDITY = Duration.ofDays(120);

    private final OnboardingApplicationRepository applications;
    private final MemberOrganisationRepository organisations;
    private final CaseRepository cases;
    private final ClusterDirectory directory;
    private final MailOutbox outbox;
    private final SignedLinks links;
    private final OnboardingCases engine;
    private final MembershipFee fees;
    private final ApplicationEventPublisher events;
    private final ClusterAdminService admin;
    private final DocumentQuota quota;
    private final PaymentDetails payments;
    private final Invoices invoices;

    public OnboardingService(OnboardingApplicationRepository applications, MemberOrganisationRepository organisations,
                             CaseRepository cases, ClusterDirectory directory, MailOutbox outbox, SignedLinks links,
                             OnboardingCases engine, MembershipFee fees, DocumentQuota quota,
                             PaymentDetails payments, ClusterAdminService admin, ApplicationEventPublisher events,
                             Invoices invoices) {
        this.invoices = invoices;
        this.admin = admin;
        this.events = events;
        this.payments = payments;
        this.quota = quota;
        this.applications = applications;
        this.organisations = organisations;
        this.cases = cases;
        this.directory = directory;
        this.outbox = outbox;
        this.links = links;
        this.engine = engine;
        this.fees = fees;
    }

    /**
     * Stores an application, opens its case and starts the onboarding process, all at once.
     * A submission sent twice (a double click, a reload) is stored once: the second gets the first's reference.
     */
    @Transactional
    public OnboardingApplication apply(String clusterId, String submissionId, FormSubmission form, String language,
                                       String enteredBy) {
        if (!directory.exists(clusterId)) {
            throw new IllegalArgumentException("Unknown cluster " + clusterId);
        }
        ApplicationData data = ApplicationData.from(form);
        Long id = applications.insert(submissionId, clusterId, data, language);
        if (id == null) {
            return applications.findBySubmission(submissionId).orElseThrow();
        }
        OnboardingApplication application = applications.get(id);
        String key = application.reference();
        cases.insert(new CaseRecord(key, clusterId, OnboardingCases.PROCESS_KEY, data.name(),
                ApplicationStatus.SUBMITTED.name(), null, enteredBy, null, null));
        cases.addEvent(key, enteredBy == null ? data.contactName() : directory.displayName(enteredBy), "applied",
                data.name() + " (" + data.edrpou() + ")");
        FormSubmission.Upload extract = form.uploads().get(ApplicationData.UPLOAD_EXTRACT);
        if (extract != null) {
            quota.checkApplicants(clusterId, OnboardingCases.PROCESS_KEY, extract.content().length);
            cases.addDocument(key, extract.fileName(), extract.contentType(), extract.content(), data.contactName());
        }
        applicantMail(application, "onboarding-received", PUBLIC_FORM);
        engine.start(key, clusterId, id, data.name());
        return application;
    }

    public boolean closedAsDuplicate(String reference) {
        return applications.findByReference(reference).map(a -> a.status() == ApplicationStatus.DUPLICATE).orElse(false);
    }

    public String trackingToken(OnboardingApplication application) {
        return links.sign(TRACK_LINK, application.reference(), TRACK_LINK_VALIDITY);
    }

    /**
     * Whether the organisation is a member already or has another application open in this cluster; a former member
     * (resigned or excluded) applies as anyone does.
     */
    @Transactional
    public boolean isDuplicate(long applicationId) {
        OnboardingApplication a = applications.get(applicationId);
        return organisations.memberByEdrpou(a.clusterId(), a.edrpou())
                || applications.otherOpenWithEdrpou(a.clusterId(), a.edrpou(), a.id());
    }

    @Transactional
    public void closeAsDuplicate(long applicationId) {
        OnboardingApplication a = applications.get(applicationId);
        setStatus(a, ApplicationStatus.DUPLICATE, "duplicate", a.edrpou());
        applicantMail(a, "onboarding-duplicate", PUBLIC_FORM);
    }

    /** Fee category and annual fee from the {@code membership-fee} decision table. */
    @Transactional
    public void determineFee(long applicationId) {
        OnboardingApplication a = applications.get(applicationId);
        MembershipFee.Fee first = fees.of(a.category(), a.headcount(), 1);
        String feeCategory = first.feeCategory();
        BigDecimal fee = first.amount();
        applications.updateFee(a.id(), feeCategory, fee);
        applications.updateStatus(a.id(), ApplicationStatus.IN_REVIEW);
        cases.updateStatus(a.reference(), ApplicationStatus.IN_REVIEW.name(), false);
        cases.addEvent(a.reference(), null, "fee", Detail.text(OnboardingApplication.feeCategoryKey(feeCategory)) + ": "
                + Detail.money(fee, "UAH"));
    }

    @Transactional
    public void remindReviewers(long applicationId) {
        OnboardingApplication a = applications.get(applicationId);
        for (Person coordinator : directory.peopleWithRole(a.clusterId(), Role.COORDINATOR)) {
            outbox.queue(coordinator, "onboarding-review-reminder",
                    Map.of("application", a, "subjectArg", a.name()), a.reference());
        }
        cases.addEvent(a.reference(), null, "reminder", "review");
    }

    @Transactional
    public void requestInformation(long applicationId, String request) {
        OnboardingApplication a = applications.get(applicationId);
        applications.updateDecisionReason(a.id(), request);
        setStatus(a, ApplicationStatus.INFO_REQUESTED, "info-requested", request);
        applicantMail(a, "onboarding-info-requested", Map.of("request", request == null ? "" : request));
    }

    /**
     * The applicant's amended application, through their link: stored and handed back to the
     * coordinator. Refused (false) when the application is not waiting for amendment.
     */
    @Transactional
    public boolean amend(String reference, FormSubmission form) {
        OnboardingApplication a = applications.findByReference(reference).orElseThrow();
        if (!applications.amend(a.id(), ApplicationData.from(form))) {
            return false;
        }
        FormSubmission.Upload extract = form.uploads().get(ApplicationData.UPLOAD_EXTRACT);
        if (extract != null) {
            cases.addDocument(a.reference(), extract.fileName(), extract.contentType(), extract.content(),
                    a.contactName());
        }
        cases.updateStatus(a.reference(), ApplicationStatus.IN_REVIEW.name(), false);
        cases.addEvent(a.reference(), a.contactName(), "amended", null);
        engine.amended(a.reference());
        return true;
    }

    @Transactional
    public void remindApplicant(long applicationId) {
        OnboardingApplication a = applications.get(applicationId);
        applicantMail(a, "onboarding-amend-reminder", Map.of("request", nullToEmpty(a.decisionReason())));
        cases.addEvent(a.reference(), null, "reminder", "amendment");
    }

    @Transactional
    public void closeAbandoned(long applicationId) {
        OnboardingApplication a = applications.get(applicationId);
        setStatus(a, ApplicationStatus.ABANDONED, "abandoned", null);
        applicantMail(a, "onboarding-abandoned", Map.of());
    }

    @Transactional
    public void reject(long applicationId, String reason) {
        OnboardingApplication a = applications.get(applicationId);
        applications.updateDecisionReason(a.id(), reason);
        setStatus(a, ApplicationStatus.REJECTED, "rejected", reason);
        applicantMail(a, "onboarding-rejected", Map.of("reason", nullToEmpty(reason)));
    }

    @Transactional
    public void boardVoteStarted(long applicationId, String reviewComment) {
        OnboardingApplication a = applications.get(applicationId);
        // the coordinator's word on accepting replaces an earlier request for information: the board reads this one
        applications.updateDecisionReason(a.id(), reviewComment);
        setStatus(a, ApplicationStatus.BOARD_VOTE, "board-vote", reviewComment);
    }

    @Transactional
    public void boardRejected(long applicationId, String reason) {
        OnboardingApplication a = applications.get(applicationId);
        applications.updateDecisionReason(a.id(), reason);
        setStatus(a, ApplicationStatus.BOARD_REJECTED, "board-rejected", reason);
        applicantMail(a, "onboarding-board-rejected", Map.of("reason", nullToEmpty(reason)));
    }

    @Transactional
    public void sendInvoice(long applicationId) {
        OnboardingApplication a = applications.get(applicationId);
        setStatus(a, ApplicationStatus.AWAITING_PAYMENT, "invoice", Detail.money(a.annualFee(), "UAH"));
        Map<String, Object> invoice = new HashMap<>();
        // with the cluster's account and the words the payment must carry, so the member can pay from the mail alone
        invoice.put("account", payments.of(a.clusterId()).orElse(null));
        invoice.put("purpose", paymentPurpose(a));
        // the invoice as a document, numbered in the cluster's year, in the applicant's language
        Invoices.Invoice document = invoices.issue(new Invoices.Issue(a.clusterId(), a.reference(), null, a.name(),
                a.edrpou(), paymentPurpose(a), a.annualFee(), AppClock.today().plusDays(30), a.language()));
        invoice.put("invoiceNumber", document.printed());
        applicantMail(a, "onboarding-invoice", invoice, invoices.attachment(document));
    }

    @Transactional
    public void remindPayment(long applicationId) {
        OnboardingApplication a = applications.get(applicationId);
        // the reminder carries the invoice again, to pay from the mail alone
        applicantMail(a, "onboarding-payment-reminder", Map.of(),
                invoices.ofCase(a.reference()).map(invoices::attachment).orElse(null));
        cases.addEvent(a.reference(), null, "reminder", "payment");
    }

    @Transactional
    public void paymentCancelled(long applicationId) {
        OnboardingApplication a = applications.get(applicationId);
        setStatus(a, ApplicationStatus.PAYMENT_CANCELLED, "payment-cancelled", null);
        invoices.cancel(a.reference());
        applicantMail(a, "onboarding-payment-cancelled", Map.of());
    }

    /** The organisation becomes a member; its contact gets an account and a link to set a password. */
    @Transactional
    public void createMember(long applicationId) {
        OnboardingApplication a = applications.get(applicationId);
        // a contact with an account already (a former member's, say) keeps it; a new one gets an account
        Person known = directory.personByEmail(a.contactEmail()).orElse(null);
        String userId = known != null ? known.id() : directory.freeUserId(a.contactEmail());
        if (known == null) {
            String[] names = a.contactName().trim().split("\\s+", 2);
            directory.createPerson(userId, names[0], names.length > 1 ? names[1] : "", a.contactEmail(), a.language(),
                    null);
        }
        directory.grant(userId, a.clusterId(), Role.MEMBER);
        long organisationId = organisations.admit(new MemberOrganisation(null, a.clusterId(), a.name(), a.edrpou(),
                a.category(), a.sectors(), a.headcount(), a.region(), a.offers(), a.needs(), userId,
                a.feeCategory(), a.annualFee(), null));
        applications.linkOrganisation(a.id(), organisationId);
        // the fee is paid (the coordinator confirmed it to get here): the invoice is the new member's, settled
        invoices.belongsTo(a.reference(), organisationId);
        invoices.paid(a.reference(), AppClock.today(), null);
        cases.setOrganisation(a.reference(), organisationId);
        setStatus(a, ApplicationStatus.MEMBER, "member", userId);
        // the fee paid for joining is the first year's dues; the membership year begins from today
        events.publishEvent(new MemberJoined(organisationId, a.feeCategory(), a.annualFee(), AppClock.today()));
        if (known == null) {
            applicantMail(a, "onboarding-invitation", Map.of("userId", userId,
                    "invitationLink", admin.invitationLink(userId)));
        }
    }

    @Transactional
    public void welcome(long applicationId) {
        OnboardingApplication a = applications.get(applicationId);
        applicantMail(a, "onboarding-welcome", Map.of("clusterName", directory.clusterName(a.clusterId())));
        cases.addEvent(a.reference(), null, "welcome", null);
    }

    private void setStatus(OnboardingApplication a, ApplicationStatus status, String action, String detail) {
        applications.updateStatus(a.id(), status);
        cases.updateStatus(a.reference(), status.name(), status.closed());
        cases.addEvent(a.reference(), null, action, detail);
    }

    /**
     * The first mails go to an address a stranger may have typed in: they name who sent them and why, and repeat
     * nothing typed but the organisation's name (no greeting by the typed contact name).
     */
    private static final Map<String, Object> PUBLIC_FORM = Map.of("publicForm", true, "recipientName", "");

    private void applicantMail(OnboardingApplication a, String template, Map<String, Object> extra) {
        applicantMail(a, template, extra, null);
    }

    private void applicantMail(OnboardingApplication a, String template, Map<String, Object> extra,
                               MailOutbox.Attachment attachment) {
        Map<String, Object> model = new HashMap<>(extra);
        OnboardingApplication current = applications.get(a.id());
        model.put("application", current);
        model.put("recipientName", current.contactName());
        model.put("clusterName", directory.clusterName(current.clusterId()));
        model.put("trackLink", outbox.link("/track/" + trackingToken(current)));
        model.put("subjectArg", current.reference());
        model.putAll(extra);
        outbox.queue(current.contactEmail(), current.language(), template, model, current.reference(), attachment);
    }

    /** What the payment order says, so that the coordinator can match the payment to the application. */
    static String paymentPurpose(OnboardingApplication a) {
        return "Членський внесок за " + AppClock.today().getYear() + " р., заявка " + a.reference() + ", " + a.name()
                + ", ЄДРПОУ " + a.edrpou();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
