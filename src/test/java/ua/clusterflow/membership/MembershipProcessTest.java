package ua.clusterflow.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static ua.clusterflow.membership.process.MembershipProcess.*;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Invoices;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.cluster.MembershipStatus;
import ua.clusterflow.cluster.OrganisationRole;

/** Every path of {@code membership-renewal.bpmn} (process MembershipRenewal), on the real engine and database. */
class MembershipProcessTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired Invoices invoices;

    private static final String CLUSTER = "kharkiv";

    @Autowired MembershipService membership;
    @Autowired MockMvc mvc;
    @Autowired Memberships memberships;
    @Autowired MemberOrganisationRepository organisations;
    @Autowired ClusterDirectory directory;

    private long org;
    private String contact;
    private String billing;
    private LocalDate yearFrom;
    private String key;

    @BeforeEach
    void aMemberWithAMainAndABillingContact() {
        startAtNoonInKyiv();
        String suffix = Long.toString(System.nanoTime(), 36);
        contact = "main-" + suffix;
        billing = "billing-" + suffix;
        directory.createPerson(contact, "Ганна", "Головна", contact + "@example.com", "uk", null);
        directory.createPerson(billing, "Борис", "Бухгалтер", billing + "@example.com", "en", null);
        directory.grant(contact, CLUSTER, Role.MEMBER);
        directory.grant(billing, CLUSTER, Role.MEMBER);
        org = organisations.insert(new MemberOrganisation(null, CLUSTER, "ТОВ «Річна» " + suffix, newEdrpou(), "sme",
                "automation", 20, "Харківська", "Автоматизація", null, contact, null, null, null));
        organisations.addPerson(org, billing, OrganisationRole.BILLING);
        yearFrom = AppClock.today().plusDays(10);
        key = membership.openYear(org, yearFrom);
    }

    @Test
    void onTheRenewalDateTheDuesAreInvoicedToTheBillingContactAndAPaymentRenewsAndOpensTheNextYear() throws Exception {
        ProcessInstance pi = instance(key, KEY);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TIMER_RENEWAL_DATE);

        moveClock(Duration.ofDays(10));
        fireTimer(pi.getId(), TIMER_RENEWAL_DATE);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_CONFIRM_DUES);
        assertThat(memberships.dues(org, yearFrom).orElseThrow().amount()).isEqualByComparingTo("12000");
        assertThat(subjectsTo(billing + "@example.com")).containsExactly("Membership dues invoice: " + name());
        assertThat(body(mailsTo(billing + "@example.com").get(0))).contains("12,000.00").contains("ЄДРПОУ");
        assertThat(subjectsTo(contact + "@example.com")).isEmpty();
        // the invoice as a numbered document in the billing contact's language, attached and on the member's page
        var invoice = invoices.ofCase(key).orElseThrow();
        assertThat(body(mailsTo(billing + "@example.com").get(0))).contains("Invoice No. " + invoice.printed());
        assertThat(attachmentName(mailsTo(billing + "@example.com").get(0))).isEqualTo(invoice.fileName());
        assertThat(pdfText(invoices.pdf(invoice.id())))
                .contains("Invoice No. " + invoice.printed()).contains("twelve thousand hryvnias 00 kopiykas");

        complete(key, TASK_CONFIRM_DUES, "olena", Map.of(PAID_ON.name(), noon(), PAYMENT_REFERENCE.name(), "ПД-77"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassedInOrder(TIMER_RENEWAL_DATE, TASK_CONFIRM_DUES, END_RENEWED);
        MemberOrganisation renewed = organisations.find(org).orElseThrow();
        assertThat(renewed.status()).isEqualTo(MembershipStatus.CURRENT);
        assertThat(renewed.paidUntil()).isEqualTo(yearFrom.plusYears(1));
        assertThat(memberships.dues(org, yearFrom).orElseThrow().paymentReference()).isEqualTo("ПД-77");
        assertThat(subjectsTo(billing + "@example.com")).contains("Membership renewed: " + name());
        BpmnAwareTests.assertThat(instance(MembershipService.businessKey(org, yearFrom.plusYears(1)), KEY))
                .isWaitingAt(TIMER_RENEWAL_DATE);
    }

    @Test
    void aMemberWithoutDuesIsRenewedWithoutAnInvoice() {
        long partner = organisations.insert(new MemberOrganisation(null, CLUSTER, "Обласна рада " + key, newEdrpou(),
                "public", "other", 40, "Харківська", null, null, contact, null, null, null));
        String partnerKey = membership.openYear(partner, yearFrom);
        ProcessInstance pi = instance(partnerKey, KEY);

        moveClock(Duration.ofDays(10));
        fireTimer(pi.getId(), TIMER_RENEWAL_DATE);
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_RENEWED).hasNotPassed(TASK_CONFIRM_DUES);
        assertThat(organisations.find(partner).orElseThrow().paidUntil()).isEqualTo(yearFrom.plusYears(1));
        assertThat(subjectsTo(contact + "@example.com")).isEmpty();
    }

    @Test
    void anUnpaidMemberIsRemindedThenInGraceAndPaysInGrace() {
        ProcessInstance pi = renewalDate();

        moveClock(Duration.ofDays(10));
        fireTimer(pi.getId(), TIMER_DUES_REMINDER);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_CONFIRM_DUES);
        assertThat(subjectsTo(billing + "@example.com")).contains("Reminder: membership dues of " + name());
        assertThat(mailsTo(billing + "@example.com").stream().filter(m -> subject(m).startsWith("Reminder"))
                .map(IntegrationTest::attachmentName)).as("the reminder carries the invoice again")
                .containsExactly(invoices.ofCase(key).orElseThrow().fileName());

        moveClock(Duration.ofDays(20));
        fireTimer(pi.getId(), TIMER_GRACE_STARTS);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_CONFIRM_DUES_IN_GRACE);
        assertThat(status()).isEqualTo(MembershipStatus.IN_GRACE);
        assertThat(subjectsTo(contact + "@example.com")).contains("Строк оплати внеску минув: " + name());
        assertThat(organisations.idsForContact(contact)).as("rights stay in grace").contains(org);

        complete(key, TASK_CONFIRM_DUES_IN_GRACE, "olena", Map.of(PAID_ON.name(), noon()));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_RENEWED);
        assertThat(status()).isEqualTo(MembershipStatus.CURRENT);
        assertThat(memberships.history(org)).extracting(Memberships.Event::status, Memberships.Event::reason)
                .endsWith(tuple(MembershipStatus.IN_GRACE, "dues-unpaid"), tuple(MembershipStatus.CURRENT, "paid-in-grace"));
    }

    @Test
    void aMemberThatDoesNotPayLapsesLosesItsRightsAndIsReinstatedByAPayment() {
        ProcessInstance pi = lapsed();
        assertThat(status()).isEqualTo(MembershipStatus.LAPSED);
        assertThat(directory.rolesOf(contact).get(CLUSTER)).doesNotContain(Role.MEMBER);
        assertThat(organisations.idsForContact(contact)).isEmpty();
        assertThat(subjectsTo(contact + "@example.com")).contains("Членство призупинено: " + name());
        assertThat(subjectsTo("olena@clusterflow.local")).contains("Членство призупинено: " + name());

        complete(key, TASK_CONFIRM_DUES_LAPSED, "olena", Map.of(PAID_ON.name(), noon()));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(TIMER_LAPSES, END_RENEWED);
        assertThat(status()).isEqualTo(MembershipStatus.CURRENT);
        assertThat(directory.rolesOf(contact).get(CLUSTER)).contains(Role.MEMBER);
        assertThat(organisations.idsForContact(contact)).containsExactly(org);
        assertThat(subjectsTo(billing + "@example.com")).contains("Membership reinstated: " + name());
    }

    @Test
    void aLapsedYearNobodyPaysIsClosedAfter180Days() {
        ProcessInstance pi = lapsed();
        moveClock(Duration.ofDays(180));
        fireTimer(pi.getId(), TIMER_LAPSED_CLOSE);
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_LAPSED);
        assertThat(status()).isEqualTo(MembershipStatus.LAPSED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("MY-" + org + "-%").count())
                .isZero();
    }

    @Test
    void aMemberThatResignsStaysUntilTheNoticeEndsThenLeavesAndTheYearCloses() {
        ProcessInstance pi = instance(key, KEY);
        assertThat(membership.resign(org, "Змінили профіль діяльності", contact))
                .contains(AppClock.today().plusDays(30));
        assertThat(membership.resign(org, "Ще раз", contact)).as("notice given once").isEmpty();
        BpmnAwareTests.assertThat(pi).isWaitingAt(TIMER_RENEWAL_DATE, "Gateway_NoticeWait");
        assertThat(status()).isEqualTo(MembershipStatus.CURRENT);
        assertThat(subjectsTo(contact + "@example.com")).contains("Заяву про вихід отримано: " + name());

        moveClock(Duration.ofDays(10));
        fireTimer(pi.getId(), TIMER_RENEWAL_DATE);
        moveClock(Duration.ofDays(20));
        fireTimer(pi.getId(), TIMER_NOTICE_ENDS);
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_RESIGNED, END_MEMBERSHIP_ENDED).hasNotPassed(END_RENEWED);
        assertThat(status()).isEqualTo(MembershipStatus.RESIGNED);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key).count()).isZero();
        assertThat(organisations.idsForContact(contact)).isEmpty();
        assertThat(subjectsTo(contact + "@example.com")).contains("Членство завершено: " + name());
    }

    @Test
    void theBoardExcludesAMemberByVote() throws Exception {
        ProcessInstance pi = instance(key, KEY);
        assertThat(membership.proposeExclusion(org, "Систематично порушує статут", "olena")).isTrue();
        assertThat(membership.proposeExclusion(org, "Ще раз", "olena")).as("one vote at a time").isFalse();
        BpmnAwareTests.assertThat(pi).isWaitingAt(TIMER_RENEWAL_DATE, CALL_EXCLUSION_VOTE);
        String question = "Виключити «" + name() + "» з членства в кластері з підстав: Систематично порушує статут?";
        String ballot = tasks.createTaskQuery().processInstanceBusinessKey(key).taskAssignee("petro").singleResult()
                .getId();
        mvc.perform(get("/tasks/" + ballot).with(as("petro")))
                .andExpect(content().string(containsString("id=\"vote-question\"")))
                .andExpect(content().string(containsString(question)));
        castBallot(key, "maria", "reject", "Я проти: це помста");
        for (String voter : List.of("petro", "iryna", "andriy")) {
            castBallot(key, voter, "approve", null);
        }
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(END_EXCLUDED, END_MEMBERSHIP_ENDED);
        assertThat(status()).isEqualTo(MembershipStatus.EXCLUDED);
        assertThat(memberships.history(org).get(memberships.history(org).size() - 1).reason())
                .as("the grounds decided on, never the dissent").isEqualTo("Систематично порушує статут");
        assertThat(body(mailsTo(contact + "@example.com").get(mailsTo(contact + "@example.com").size() - 1)))
                .contains("Систематично порушує статут").doesNotContain("помста");
        assertThat(jdbc.sql("select question_uk from board_decision where business_key = ?").param(key)
                .query(String.class).single()).isEqualTo(question);
        assertThat(directory.rolesOf(contact).get(CLUSTER)).doesNotContain(Role.MEMBER);
        assertThat(subjectsTo(contact + "@example.com")).contains("Членство припинено рішенням правління: " + name());
        assertThat(membership.resign(org, "запізно", contact)).isEmpty();
    }

    @Test
    void aBoardThatRejectsTheExclusionKeepsTheMemberAndTheYearGoesOn() {
        ProcessInstance pi = instance(key, KEY);
        membership.proposeExclusion(org, "Не відповідає профілю", "olena");
        for (String voter : List.of("petro", "iryna", "andriy", "maria")) {
            castBallot(key, voter, "reject", "Залишити");
        }
        BpmnAwareTests.assertThat(pi).isWaitingAt(TIMER_RENEWAL_DATE).hasPassed(END_MEMBER_KEPT);
        assertThat(status()).isEqualTo(MembershipStatus.CURRENT);
        assertThat(subjectsTo("olena@clusterflow.local")).contains("Виключення не підтримано: " + name());
    }

    @Test
    void aMemberBroughtInUnpaidWaitsInGraceAndLapsesWhenTheGraceIsOver() {
        long brought = organisations.insert(new MemberOrganisation(null, CLUSTER, "ТОВ «Перенесена» " + key, newEdrpou(),
                "sme", "automation", 20, "Харківська", null, null, contact, null, null, null));
        String broughtKey = membership.bringInUnpaid(brought, AppClock.today().minusDays(40), MembershipStatus.IN_GRACE,
                AppClock.today().plusDays(20));
        ProcessInstance pi = instance(broughtKey, KEY);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_CONFIRM_DUES_IN_GRACE);
        assertThat(organisations.find(brought).orElseThrow().status()).isEqualTo(MembershipStatus.IN_GRACE);
        assertThat(memberships.dues(brought, AppClock.today().minusDays(40)).orElseThrow().paidOn()).isNull();

        moveClock(Duration.ofDays(20));
        fireTimer(pi.getId(), TIMER_LAPSES);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_CONFIRM_DUES_LAPSED);
        assertThat(organisations.find(brought).orElseThrow().status()).isEqualTo(MembershipStatus.LAPSED);
    }

    @Test
    void aMemberBroughtInPaidWaitsForItsRenewalAndOneBroughtInLapsedIsReinstatedByAPayment() {
        LocalDate paidUntil = AppClock.today().plusMonths(3);
        String paidKey = membership.bringIn(org, paidUntil);
        assertThat(organisations.find(org).orElseThrow().paidUntil()).isEqualTo(paidUntil);
        BpmnAwareTests.assertThat(instance(paidKey, KEY)).isWaitingAt(TIMER_RENEWAL_DATE);

        long brought = organisations.insert(new MemberOrganisation(null, CLUSTER, "ТОВ «Призупинена» " + key,
                newEdrpou(), "sme", "automation", 20, "Харківська", null, null, billing, null, null, null));
        LocalDate from = AppClock.today().minusDays(75);
        String lapsedKey = membership.bringInUnpaid(brought, from, MembershipStatus.LAPSED, AppClock.today());
        assertThat(organisations.idsForContact(billing)).doesNotContain(brought);
        complete(lapsedKey, TASK_CONFIRM_DUES_LAPSED, "olena", Map.of(PAID_ON.name(), noon()));
        BpmnAwareTests.assertThat(instance(lapsedKey, KEY)).isNull();
        assertThat(organisations.find(brought).orElseThrow().status()).isEqualTo(MembershipStatus.CURRENT);
        assertThat(organisations.idsForContact(billing)).contains(brought);
        assertThat(memberships.history(brought)).extracting(Memberships.Event::reason)
                .containsExactly("joined", "dues-unpaid", "reinstated");
    }

    private ProcessInstance renewalDate() {
        ProcessInstance pi = instance(key, KEY);
        moveClock(Duration.ofDays(10));
        fireTimer(pi.getId(), TIMER_RENEWAL_DATE);
        return pi;
    }

    private ProcessInstance lapsed() {
        ProcessInstance pi = renewalDate();
        moveClock(Duration.ofDays(30));
        fireTimer(pi.getId(), TIMER_GRACE_STARTS);
        moveClock(Duration.ofDays(30));
        fireTimer(pi.getId(), TIMER_LAPSES);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TASK_CONFIRM_DUES_LAPSED);
        return pi;
    }

    private MembershipStatus status() {
        return organisations.find(org).orElseThrow().status();
    }

    private String name() {
        return organisations.find(org).orElseThrow().name();
    }

    private static Date noon() {
        return Date.from(AppClock.today().atStartOfDay(AppClock.KYIV).toInstant());
    }
}
