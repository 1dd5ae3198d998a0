package ua.clusterflow.books;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import ua.clusterflow.CaseSteps;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.RealDoor;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;
import ua.clusterflow.books.StatementFiles.Entry;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Invoices;
import ua.clusterflow.cluster.Invoices.Invoice;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.demo.DemoData;
import ua.clusterflow.membership.MembershipService;
import ua.clusterflow.membership.process.MembershipProcess;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.process.OnboardingProcess;
import ua.clusterflow.tasklist.FormSubmission;

/**
 * Payments from the bank's statement, through the coordinator's pages: a CSV export in Windows-1251 (its columns
 * confirmed once) and a camt.053 file of 40 lines (matched by number, by code and amount, ambiguous, unknown, partial,
 * overpaid, in a foreign currency, a debit, a day to come, lines booked from the earlier statement and one twice in
 * the file). Every case's payment step (dues, dues in grace, a lapsed member's, the joining fee) is completed exactly
 * once; the same statement uploaded again books nothing.
 */
class BankStatementsTest extends IntegrationTest {

    static final String CLUSTER = "kharkiv";
    static final List<String> PAYMENT_STEPS = List.of(MembershipProcess.TASK_CONFIRM_DUES,
            MembershipProcess.TASK_CONFIRM_DUES_IN_GRACE, MembershipProcess.TASK_CONFIRM_DUES_LAPSED,
            OnboardingProcess.TASK_CONFIRM_PAYMENT);

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired MembershipService membership;
    @Autowired MemberOrganisationRepository organisations;
    @Autowired ClusterDirectory directory;
    @Autowired Invoices invoices;

    @BeforeEach
    void atNoon() {
        startAtNoonInKyiv();
    }

    @Test
    void aCsvAndACamt053StatementCompleteEveryCasesPaymentStepOnceAndTheSameStatementAgainBooksNothing()
            throws Exception {
        long paymentsBefore = paymentsRecorded();
        List<String> years = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            years.add(openYear(i));
        }
        moveClock(Duration.ofDays(10));
        for (String key : years) {
            fireTimer(instance(key, MembershipProcess.KEY).getId(), MembershipProcess.TIMER_RENEWAL_DATE);
        }
        moveClock(Duration.ofDays(30));
        for (String key : years.subList(23, 27)) {
            fireTimer(instance(key, MembershipProcess.KEY).getId(), MembershipProcess.TIMER_GRACE_STARTS);
        }
        moveClock(Duration.ofDays(30));
        for (String key : years.subList(25, 27)) {
            fireTimer(instance(key, MembershipProcess.KEY).getId(), MembershipProcess.TIMER_LAPSES);
        }
        List<String> fees = List.of(acceptedApplication(), acceptedApplication());
        List<Invoice> dues = years.stream().map(this::invoice).toList();
        LocalDate today = AppClock.today();

        // the first statement, as the bank's client exports it: five dues paid, each naming its invoice
        List<Entry> first = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            first.add(byNumber(dues.get(i), "PP-" + i));
        }
        String csvPage = upload("vypyska-lystopad.csv", StatementFiles.csv1251(first));
        Document columns = Jsoup.parse(csvPage);
        assertThat(columns.getElementById("columns-form")).as("the export's columns, confirmed once").isNotNull();
        assertThat(selected(columns, "column-amount")).isEqualTo("Сума");
        assertThat(selected(columns, "column-payerCode")).isEqualTo("ЄДРПОУ контрагента");
        long csvId = statementId(csvPage);
        MockHttpServletRequestBuilder confirmColumns = post("/books/statements/" + csvId + "/columns")
                .with(as("olena")).with(csrf());
        for (Element select : columns.select("#columns-form select")) {
            confirmColumns.param(select.attr("name"), select.select("option[selected]").attr("value"));
        }
        mvc.perform(confirmColumns).andExpect(status().is3xxRedirection());
        Document csvRun = page("/books/statements/" + csvId);
        assertThat(kinds(csvRun)).containsOnly("BY_NUMBER").hasSize(5);
        assertThat(paymentsRecorded()).as("the dry run books nothing").isEqualTo(paymentsBefore);
        book(csvId, csvRun, Map.of());
        for (int i = 0; i < 5; i++) {
            assertThat(completedPaymentSteps(years.get(i))).isEqualTo(1);
        }

        // the month's statement: forty lines
        Invoice extra = invoices.issue(new Invoices.Issue(CLUSTER, "EXTRA-" + UUID.randomUUID(), null,
                dues.get(22).payerName(), dues.get(22).payerCode(), "Участь у виставці", dues.get(22).amount(),
                today.plusDays(10), "uk"));
        List<Entry> month = new ArrayList<>(first);                                               // 1–5 booked before
        for (int i = 5; i < 15; i++) {
            month.add(byNumber(dues.get(i), "CAMT-" + i));                                          // 6–15
        }
        for (int i = 15; i < 19; i++) {
            Invoice d = dues.get(i);
            month.add(Entry.credit(today, d.amount().toPlainString(), d.payerName(), d.payerCode(),
                    "Членський внесок за рік", "CAMT-" + i));                                         // 16–19 by code
        }
        Invoice halves = dues.get(19);
        month.add(part(halves, "5000.00", "CAMT-19a"));                                             // 20
        month.add(part(halves, halves.amount().subtract(new BigDecimal("5000.00")).toPlainString(), "CAMT-19b")); // 21
        month.add(part(dues.get(20), "3000.00", "CAMT-20"));                                       // 22 partial
        month.add(part(dues.get(21), dues.get(21).amount().add(new BigDecimal("1000.00")).toPlainString(),
                "CAMT-21"));                                                                        // 23 overpaid
        for (int i = 23; i < 27; i++) {
            month.add(byNumber(dues.get(i), "CAMT-" + i));                                          // 24–27 grace, lapsed
        }
        for (String fee : fees) {
            month.add(byNumber(invoices.ofCase(fee).orElseThrow(), "CAMT-" + fee));                // 28–29 fees
        }
        Invoice ambiguous = dues.get(22);
        month.add(Entry.credit(today, ambiguous.amount().toPlainString(), ambiguous.payerName(),
                ambiguous.payerCode(), "Оплата", "CAMT-22"));                                       // 30 ambiguous
        for (int i = 0; i < 4; i++) {
            month.add(Entry.credit(today, "150" + i + ".00", "ФОП Донор " + i, null,
                    "Благодійна допомога", "CAMT-U" + i));                                          // 31–34 unknown
        }
        month.add(new Entry(today, new BigDecimal("300.00"), "EUR", "Partner GmbH", null,
                "Invoice " + dues.get(5).printed(), "CAMT-EUR"));                                   // 35 euros
        month.add(byNumber(dues.get(5), "CAMT-5"));                                                 // 36 twice in file
        month.add(new Entry(today, new BigDecimal("-45.50"), "UAH", "АТ «Банк»", null, "Комісія", "CAMT-FEE")); // 37
        month.add(Entry.credit(today.plusDays(2), "100.00", "ТОВ «Завтра»", null, "Аванс", "CAMT-LATER"));     // 38
        month.add(byNumber(extra, "CAMT-EXTRA"));                                                   // 39 no step
        month.add(Entry.credit(today, "777.00", "ТОВ «Невідома»", "11111118", "Оплата", "CAMT-U9")); // 40 unknown
        assertThat(month).hasSize(40);

        byte[] camt = StatementFiles.camt053(month);
        String camtPage = upload("camt053-grudni.xml", camt);
        long camtId = statementId(camtPage);
        Document run = page("/books/statements/" + camtId);
        List<String> kinds = kinds(run);
        assertThat(kinds.subList(0, 5)).containsOnly("DUPLICATE");
        assertThat(kinds.subList(5, 15)).containsOnly("BY_NUMBER");
        assertThat(kinds.subList(15, 19)).containsOnly("BY_CODE");
        assertThat(kinds.get(29)).isEqualTo("AMBIGUOUS");
        assertThat(kinds.subList(30, 34)).containsOnly("UNKNOWN");
        assertThat(kinds.subList(34, 38)).containsExactly("REFUSED", "DUPLICATE", "REFUSED", "REFUSED");
        assertThat(run.getElementById("line-35").text()).contains("Платіж не в гривнях");
        assertThat(run.getElementById("line-22").attr("data-effect")).isEqualTo("PARTIAL");
        assertThat(run.getElementById("line-23").attr("data-effect")).isEqualTo("OVERPAID");
        assertThat(run.getElementById("book-30").hasAttr("checked")).as("an ambiguous line waits for a choice").isFalse();

        Document booked = book(camtId, run, Map.of(30, ambiguous.id()));
        assertThat(booked.getElementById("line-39").text()).contains("Справа цього рахунку зараз не чекає на оплату");
        assertThat(booked.select(".flash, .message").text()).contains("Проведено рядків: 25; рахунків сплачено: 23.");
        for (int i = 0; i < 27; i++) {
            assertThat(completedPaymentSteps(years.get(i))).as("year %d", i).isEqualTo(i == 20 ? 0 : 1);
        }
        for (String fee : fees) {
            assertThat(completedPaymentSteps(fee)).isEqualTo(1);
            assertThat(invoices.ofCase(fee).orElseThrow().paidOn()).isEqualTo(today);
        }
        assertThat(invoices.ofCase(years.get(20)).orElseThrow().paidAmount()).isEqualByComparingTo("3000.00");
        assertThat(invoices.ofCase(years.get(20)).orElseThrow().open()).isTrue();
        assertThat(invoices.ofCase(years.get(21)).orElseThrow().paidAmount())
                .isEqualByComparingTo(dues.get(21).amount().add(new BigDecimal("1000.00")));
        assertThat(invoices.find(extra.id()).orElseThrow().paidAmount()).as("the refused line left nothing").isZero();
        assertThat(organisations.find(dues.get(26).organisationId()).map(MemberOrganisation::status).orElseThrow()
                .name()).as("the lapsed member paid").isEqualTo("CURRENT");

        // the same file again is the same statement, and booking it again changes nothing
        long payments = paymentsRecorded();
        assertThat(statementId(upload("camt053-grudni (1).xml", camt))).isEqualTo(camtId);
        Document again = page("/books/statements/" + camtId);
        assertThat(again.select("#lines input[name=book][checked]")).as("nothing left to book but the refused line")
                .hasSize(1);
        book(camtId, again, Map.of(30, ambiguous.id()));
        assertThat(paymentsRecorded()).isEqualTo(payments);
        for (int i = 0; i < 27; i++) {
            assertThat(completedPaymentSteps(years.get(i))).isEqualTo(i == 20 ? 0 : 1);
        }
    }

    @Test
    void aFileThatIsNoStatementIsRefusedBesideTheFieldAndOthersMayNotSeeTheStatements() throws Exception {
        String page = mvc.perform(multipart("/books/statements").file(new MockMultipartFile("file", "photo.png",
                        "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}))
                        .param("cluster", CLUSTER).with(as("olena")).with(csrf()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).getElementById("e-file").text()).contains("camt.053");
        mvc.perform(get("/books/statements").param("cluster", CLUSTER).with(as("nadia")))
                .andExpect(status().isForbidden());
        // the same door through the real filter chain: the application on its port, the member signed in
        try (RealDoor nadia = RealDoor.from(port, "127.0.49.1")) {
            assertThat(nadia.signIn("nadia", DemoData.PASSWORD).location()).doesNotContain("/login");
            assertThat(nadia.get("/books/statements?cluster=" + CLUSTER).status()).isEqualTo(403);
        }
    }

    /** The statements' doors through the real filter chain: a member neither reads nor uploads; nothing is kept. */
    @Test
    void onTheRealPortAMemberNeitherReadsNorUploadsTheClustersStatements() throws Exception {
        long statements = jdbc.sql("select count(*) from bank_statement").query(Long.class).single();
        try (RealDoor stranger = RealDoor.from(port, "127.0.49.31"); RealDoor nadia = RealDoor.from(port, "127.0.49.32")) {
            assertThat(stranger.get("/books/statements?cluster=" + CLUSTER).location()).endsWith("/login");
            assertThat(nadia.signIn("nadia", DemoData.PASSWORD).location()).doesNotContain("/login");
            assertThat(nadia.get("/books/statements?cluster=" + CLUSTER).status()).isEqualTo(403);
            nadia.get("/tasks");
            assertThat(nadia.postWithFile("/books/statements?cluster=" + CLUSTER, Map.of(), "file", "camt.xml",
                    StatementFiles.camt053(List.of())).status()).isEqualTo(403);
        }
        assertThat(jdbc.sql("select count(*) from bank_statement").query(Long.class).single()).isEqualTo(statements);
    }

    private String openYear(int i) {
        String suffix = Long.toString(System.nanoTime(), 36) + i;
        String contact = "bank-" + suffix;
        directory.createPerson(contact, "Ганна", "Платниця", contact + "@example.com", "uk", null);
        directory.grant(contact, CLUSTER, Role.MEMBER);
        long org = organisations.insert(new MemberOrganisation(null, CLUSTER, "ТОВ «Платник " + suffix + "»",
                newEdrpou(), "sme", "automation", 20, "Харківська", "Автоматизація", null, contact, null, null, null));
        return membership.openYear(org, AppClock.today().plusDays(10));
    }

    private String acceptedApplication() {
        String edrpou = newEdrpou();
        OnboardingApplication app = onboarding.apply(CLUSTER, UUID.randomUUID().toString(),
                FormSubmission.ofValues(applicationValues("ТОВ «Новий " + edrpou + "»", edrpou,
                        "new-" + edrpou + "@example.com")), "uk", null);
        CaseSteps.complete(tasks, app.reference(), OnboardingProcess.TASK_REVIEW, "olena",
                Map.of(OnboardingProcess.REVIEW_DECISION, "accept"));
        for (String voter : List.of("petro", "iryna", "andriy")) {
            CaseSteps.castBallot(tasks, app.reference(), voter, "approve", null);
        }
        assertThat(task(app.reference(), OnboardingProcess.TASK_CONFIRM_PAYMENT)).isNotNull();
        return app.reference();
    }

    private Invoice invoice(String businessKey) {
        return invoices.ofCase(businessKey).orElseThrow();
    }

    private static Entry byNumber(Invoice invoice, String reference) {
        return Entry.credit(AppClock.today(), invoice.amount().toPlainString(), invoice.payerName(),
                invoice.payerCode(), "Членський внесок згідно рах. № " + invoice.printed() + ", без ПДВ", reference);
    }

    private static Entry part(Invoice invoice, String amount, String reference) {
        return Entry.credit(AppClock.today(), amount, invoice.payerName(), invoice.payerCode(),
                "Оплата за рах. " + invoice.printed(), reference);
    }

    private String upload(String fileName, byte[] content) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/books/statements");
        request.file(new MockMultipartFile("file", fileName, "application/octet-stream", content));
        String location = mvc.perform(request.param("cluster", CLUSTER).with(as("olena")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return mvc.perform(get(location).with(as("olena"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString() + "<!-- " + location + " -->";
    }

    private static long statementId(String page) {
        String location = page.substring(page.lastIndexOf("<!-- ") + 5, page.lastIndexOf(" -->"));
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(as("olena"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    /** Sends the dry run's form as the page offers it, with a choice for the lines named; returns the page after. */
    private Document book(long id, Document run, Map<Integer, Long> choices) throws Exception {
        MockHttpServletRequestBuilder request = post("/books/statements/" + id).with(as("olena")).with(csrf());
        Map<Integer, String> chosen = new LinkedHashMap<>();
        for (Element box : run.select("#lines input[name=book]")) {
            int line = Integer.parseInt(box.attr("value"));
            if (box.hasAttr("checked") || choices.containsKey(line)) {
                chosen.put(line, choices.containsKey(line) ? String.valueOf(choices.get(line))
                        : run.select("#invoice-" + line + " option[selected]").attr("value"));
            }
        }
        chosen.forEach((line, invoice) -> request.param("book", String.valueOf(line))
                .param("invoice." + line, invoice));
        var result = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
        // the page after, in the same session (kept in the database), which carries the lines not booked
        return Jsoup.parse(mvc.perform(get(result.getResponse().getRedirectedUrl())
                .cookie(result.getResponse().getCookie("clusterflow-session")).with(as("olena"))).andReturn()
                .getResponse().getContentAsString());
    }

    private static List<String> kinds(Document run) {
        return run.select("#lines tbody tr").stream().map(row -> row.attr("data-kind")).toList();
    }

    private static String selected(Document page, String id) {
        return page.select("#" + id + " option[selected]").text();
    }

    private long completedPaymentSteps(String businessKey) {
        return history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(businessKey).finished()
                .list().stream().filter(t -> PAYMENT_STEPS.contains(t.getTaskDefinitionKey()))
                .filter(t -> "completed".equals(t.getDeleteReason())).count();
    }

    private long paymentsRecorded() {
        return jdbc.sql("select count(*) from invoice_payment p join invoice i on i.id = p.invoice_id "
                + "where i.cluster_id = ?").param(CLUSTER).query(Long.class).single();
    }
}
