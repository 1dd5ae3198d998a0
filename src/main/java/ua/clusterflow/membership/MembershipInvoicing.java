package ua.clusterflow.membership;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Detail;
import ua.clusterflow.cluster.Invoices;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.cluster.PaymentDetails;
import ua.clusterflow.cluster.Person;
import ua.clusterflow.cluster.engine.MembershipFee;
import ua.clusterflow.mail.MailOutbox;
import ua.clusterflow.tasklist.CaseRepository;

/**
 * A membership year's invoicing: its dues from the fee table, the invoice with the cluster's payment details, and the
 * reminders. The statuses the year moves through stay with {@link MembershipService}.
 */
@Service
public class MembershipInvoicing {

    /** What the fee table gave for a year, and the days by which it is to be paid and the membership lapses. */
    public record YearDues(long amount, Date payBy, Date lapsesOn) {
    }

    private final Memberships memberships;
    private final MemberOrganisationRepository organisations;
    private final MembershipFee fees;
    private final CaseRepository cases;
    private final MailOutbox outbox;
    private final PaymentDetails payments;
    private final MembershipMails mails;
    private final Invoices invoices;

    public MembershipInvoicing(Memberships memberships, MemberOrganisationRepository organisations, MembershipFee fees,
                               CaseRepository cases, MailOutbox outbox, PaymentDetails payments,
                               MembershipMails mails, Invoices invoices) {
        this.invoices = invoices;
        this.memberships = memberships;
        this.organisations = organisations;
        this.fees = fees;
        this.cases = cases;
        this.outbox = outbox;
        this.payments = payments;
        this.mails = mails;
    }

    /** The year's dues from the fee table, by the organisation's category, size and years of membership. */
    @Transactional
    public YearDues determineDues(long organisationId, LocalDate yearFrom) {
        MemberOrganisation org = organisation(organisationId);
        LocalDate joined = org.joinedAt().atZone(AppClock.KYIV).toLocalDate();
        int year = 1 + Math.max(memberships.yearsPaidBefore(organisationId, yearFrom),
                (int) ChronoUnit.YEARS.between(joined, yearFrom));
        MembershipFee.Fee fee = fees.of(org.category(), org.headcount(), year);
        memberships.addDues(organisationId, yearFrom, fee.feeCategory(), fee.amount());
        MembershipTerms terms = memberships.terms(org.clusterId());
        LocalDate payBy = AppClock.today().plusDays(terms.paymentDays());
        LocalDate lapsesOn = payBy.plusDays(terms.graceDays());
        cases.addEvent(MembershipService.businessKey(organisationId, yearFrom), null, "dues",
                Detail.text(MembershipFee.categoryKey(fee.feeCategory())) + ": " + Detail.money(fee.amount(), "UAH"));
        return new YearDues(fee.amount().longValue(), MembershipService.morningOf(payBy), MembershipService.morningOf(lapsesOn));
    }

    /** The invoice for the year's dues, to the billing contacts (the main contact when there is none). */
    @Transactional
    public void sendInvoice(long organisationId, LocalDate yearFrom) {
        MemberOrganisation org = organisation(organisationId);
        Memberships.Dues dues = memberships.dues(organisationId, yearFrom).orElseThrow();
        memberships.invoiced(organisationId, yearFrom, AppClock.today());
        String key = MembershipService.businessKey(organisationId, yearFrom);
        cases.updateStatus(key, YearStatus.DUES_INVOICED.name(), false);
        cases.addEvent(key, null, "invoice", Detail.money(dues.amount(), "UAH"));
        Map<String, Object> model = mails.model(org, yearFrom);
        model.put("dues", dues);
        model.put("feeCategoryKey", MembershipFee.categoryKey(dues.feeCategory()));
        model.put("account", payments.of(org.clusterId()).orElse(null));
        model.put("purpose", mails.paymentPurpose(org, yearFrom));
        int paymentDays = memberships.terms(org.clusterId()).paymentDays();
        model.put("payBy", paymentDays);
        List<Person> billing = mails.billingContacts(org);
        // the invoice as a document, numbered in the cluster's year, in the language of whoever pays it
        Invoices.Invoice invoice = invoices.issue(new Invoices.Issue(org.clusterId(), key, org.id(), org.name(),
                org.edrpou(), mails.paymentPurpose(org, yearFrom), dues.amount(),
                AppClock.today().plusDays(paymentDays), billing.isEmpty() ? "uk" : billing.get(0).language()));
        model.put("invoiceNumber", invoice.printed());
        MailOutbox.Attachment document = invoices.attachment(invoice);
        for (Person person : billing) {
            outbox.queue(person, "membership-invoice", model, key, document);
        }
    }

    @Transactional
    public void remindDues(long organisationId, LocalDate yearFrom) {
        MemberOrganisation org = organisation(organisationId);
        // the reminder carries the year's invoice again, to pay from the mail alone
        mails.notifyBilling(org, yearFrom, "reminder", invoices.ofCase(MembershipService.businessKey(organisationId,
                yearFrom)).map(invoices::attachment).orElse(null));
        cases.addEvent(MembershipService.businessKey(organisationId, yearFrom), null, "reminder", "dues");
    }

    private MemberOrganisation organisation(long organisationId) {
        return organisations.find(organisationId).orElseThrow();
    }
}
