package ua.clusterflow.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Role;
import ua.clusterflow.board.Choices;
import ua.clusterflow.board.Motion;
import ua.clusterflow.board.MotionService;
import ua.clusterflow.board.Tally;
import ua.clusterflow.board.process.BoardVoteProcess;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Edrpou;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.cluster.MembershipStatus;
import ua.clusterflow.cluster.PaymentDetails;
import ua.clusterflow.dashboard.ClusterRecords;
import ua.clusterflow.engine.Variable;
import ua.clusterflow.followup.FollowUpService;
import ua.clusterflow.grant.GrantApplication;
import ua.clusterflow.grant.GrantForm;
import ua.clusterflow.grant.GrantService;
import ua.clusterflow.meetup.Meetup;
import ua.clusterflow.meetup.MeetupRepository;
import ua.clusterflow.meetup.MeetupService;
import ua.clusterflow.meetup.process.MeetupProcess;
import ua.clusterflow.membership.MembershipService;
import ua.clusterflow.membership.Memberships;
import ua.clusterflow.onboarding.OnboardingApplication;
import ua.clusterflow.onboarding.OnboardingService;
import ua.clusterflow.onboarding.process.OnboardingProcess;
import ua.clusterflow.shell.IdentityAuthenticationProvider;
import ua.clusterflow.tasklist.FormSubmission;
import ua.clusterflow.tasklist.engine.TaskWorkService;

/**
 * Demo data for a first look: two clusters with their coordinators, boards and members, and
 * onboarding cases in different steps. Loaded once, and only when asked for ({@code clusterflow.demo-data}, which
 * the {@code demo} profile sets): every demo account has the public password {@code demo}.
 */
@Component
public class DemoData {

    public static final String PASSWORD = "demo";
    public static final String KHARKIV = "kharkiv";
    public static final String ZAPORIZHZHIA = "zaporizhzhia";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final boolean enabled;
    private final ClusterDirectory directory;
    private final MemberOrganisationRepository organisations;
    private final OnboardingService onboarding;
    private final TaskWorkService work;
    private final GrantService grants;
    private final MeetupService meetups;
    private final MeetupRepository meetupRepository;
    private final ClusterRecords records;

    private final MembershipService membership;
    private final Memberships memberships;
    private final MotionService motions;
    private final FollowUpService followUps;
    private final IdentityAuthenticationProvider people;
    private final PaymentDetails paymentDetails;

    public DemoData(@Value("${clusterflow.demo-data:false}") boolean enabled, ClusterDirectory directory, MemberOrganisationRepository organisations,
                    OnboardingService onboarding, TaskWorkService work, GrantService grants, MeetupService meetups,
                    MeetupRepository meetupRepository, ClusterRecords records, MembershipService membership,
                    Memberships memberships, MotionService motions, FollowUpService followUps,
                    IdentityAuthenticationProvider people, PaymentDetails paymentDetails) {
        this.paymentDetails = paymentDetails;
        this.motions = motions;
        this.followUps = followUps;
        this.people = people;
        this.membership = membership;
        this.memberships = memberships;
        this.records = records;
        this.meetups = meetups;
        this.meetupRepository = meetupRepository;
        this.grants = grants;
        this.enabled = enabled;
        this.directory = directory;
        this.organisations = organisations;
        this.onboarding = onboarding;
        this.work = work;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void load() {
        if (!enabled || directory.exists(KHARKIV)) {
            return;
        }
        log.warn("Loading demo data: clusters {} and {}, every account with the public password '{}'. "
                + "Never use the demo where other people can reach it.", KHARKIV, ZAPORIZHZHIA, PASSWORD);

        directory.createCluster(KHARKIV, "Харківський ІАМ-кластер");
        // Kharkiv's invoices name where to pay; Zaporizhzhia's details are not set, as on a fresh installation
        paymentDetails.save(KHARKIV, "ГО «Харківський ІАМ-кластер»", "14360570", "UA213223130000026007233566001",
                "АТ «ПриватБанк»", "olena");
        person("olena", "Олена", "Коваль", KHARKIV, Role.COORDINATOR);
        person("petro", "Петро", "Бондаренко", KHARKIV, Role.BOARD, Role.CHAIR);
        person("iryna", "Ірина", "Мельник", KHARKIV, Role.BOARD);
        person("andriy", "Андрій", "Шевчук", KHARKIV, Role.BOARD);
        person("maria", "Марія", "Ткаченко", KHARKIV, Role.BOARD);
        person("taras", "Тарас", "Кравченко", KHARKIV, Role.BOARD);
        person("nadia", "Надія", "Олійник", KHARKIV, Role.MEMBER);
        member(KHARKIV, "ТОВ «Промавтоматика»", "3012345", "sme", "automation,engineering", 45, "nadia",
                "АСУ ТП для машинобудування, PLC-програмування", "Партнери для проєктів Horizon Europe");
        member(KHARKIV, "Харківський політехнічний інститут", "0205034", "university", "engineering,it", 2500, null,
                "Лабораторії, випробування, підготовка інженерів", "Замовлення на дослідження від підприємств");
        membersInEveryStatus(AppClock.today());

        directory.createCluster(ZAPORIZHZHIA, "Запорізький ІАМ-кластер");
        person("serhiy", "Сергій", "Литвиненко", ZAPORIZHZHIA, Role.COORDINATOR);
        person("oksana", "Оксана", "Марченко", ZAPORIZHZHIA, Role.BOARD, Role.CHAIR);
        person("vasyl", "Василь", "Савченко", ZAPORIZHZHIA, Role.BOARD);
        person("halyna", "Галина", "Руденко", ZAPORIZHZHIA, Role.BOARD);
        person("dmytro", "Дмитро", "Поліщук", ZAPORIZHZHIA, Role.BOARD);
        person("yulia", "Юлія", "Лисенко", ZAPORIZHZHIA, Role.BOARD);
        person("bohdan", "Богдан", "Гончаренко", ZAPORIZHZHIA, Role.MEMBER);
        member(ZAPORIZHZHIA, "ПрАТ «Запоріжмашпроект»", "3298765", "large", "machinebuilding", 900, "bohdan",
                "Металообробка, виробництво вузлів", "Цифровізація виробництва, CAD/CAM");

        OnboardingApplication inReview = apply(KHARKIV, "ТОВ «Інжиніринг Схід»", "3155501", "sme", 28,
                "inzhynirynh@example.com", "Віктор Захарченко");
        OnboardingApplication moreInfo = apply(KHARKIV, "ФОП-стартап «Робокод»", "3155502", "startup", 6,
                "robokod@example.com", "Ліна Собко");
        complete(moreInfo, Map.of(OnboardingProcess.REVIEW_DECISION, OnboardingProcess.DECISION_MORE_INFO,
                "reviewComment", "Додайте, будь ласка, опис продуктів і витяг з ЄДР."));
        OnboardingApplication inVote = apply(KHARKIV, "ТОВ «Дніпро-Автоматика»", "3155503", "sme", 120,
                "dnipro-avto@example.com", "Ростислав Гнатюк");
        complete(inVote, Map.of(OnboardingProcess.REVIEW_DECISION, OnboardingProcess.DECISION_ACCEPT,
                "reviewChecks", "registry,contact,profile"));
        vote(inVote.reference(), "petro", Tally.APPROVE, "Сильна команда автоматизації");
        vote(inVote.reference(), "iryna", Tally.ABSTAIN, null);
        OnboardingApplication awaitingPayment = apply(KHARKIV, "Науковий парк «Слобожанщина»", "3155504", "research",
                60, "park@example.com", "Софія Дячук");
        complete(awaitingPayment, Map.of(OnboardingProcess.REVIEW_DECISION, OnboardingProcess.DECISION_ACCEPT));
        for (String voter : List.of("petro", "iryna", "andriy")) {
            vote(awaitingPayment.reference(), voter, Tally.APPROVE, null);
        }
        apply(ZAPORIZHZHIA, "ТОВ «Хортиця-Софт»", "3155505", "sme", 35, "khortytsia@example.com", "Ігор Бойко");
        grantApplications();
        boardQuestionAndFollowUp(openMeetup());
        coordinatorRecords();
        log.info("Demo data loaded: {} in review, {} waiting for information, {} in the board vote, {} awaiting payment",
                inReview.reference(), moreInfo.reference(), inVote.reference(), awaitingPayment.reference());
    }

    /** What Kharkiv's coordinator recorded for the dashboard: its profile, the regional plan, export activities. */
    private void coordinatorRecords() {
        records.saveProfile(KHARKIV, new ClusterRecords.Profile(LocalDate.of(2025, 3, 12), new BigDecimal("0.5"), 1, 0,
                -1), "olena");
        records.addPlanItem(KHARKIV, "Центр цифрової трансформації промисловості", "Стратегія розвитку Харківщини", true,
                "olena");
        records.addPlanItem(KHARKIV, "Індустріальний парк «Слобожанщина»", "Стратегія розвитку Харківщини", false,
                "olena");
        records.addPlanItem(KHARKIV, "Кадри для машинобудування: дуальна освіта", "Програма розвитку освіти", true,
                "olena");
        records.addPlanItem(KHARKIV, "Експортна підтримка МСП", "Програма розвитку МСП", false, "olena");
        records.addPlanItem(KHARKIV, "Енергоефективність підприємств", "Програма енергоефективності", false, "olena");
        LocalDate today = AppClock.today();
        records.recordExport(KHARKIV, "EVENT", "Семінар «Експорт інжинірингових послуг до ЄС»", "UA",
                today.minusDays(10), 18, "olena");
        records.recordExport(KHARKIV, "MISSION", "Місія на Hannover Messe", "DE", today.minusMonths(4), 5, "olena");
    }

    /** A Kharkiv member's grant application with the coordinator, and a draft it is still writing. */
    private void grantApplications() {
        long organisation = organisations.idsForContact("nadia").get(0);
        GrantApplication screening = grants.createDraft("nadia", organisation);
        grants.save("nadia", screening.reference(), grantForm(screening, "horizon",
                "Цифровий двійник зварювальної лінії", "2400000", 75, "PL", "DE"), List.of(), true);
        GrantApplication draft = grants.createDraft("nadia", organisation);
        grants.save("nadia", draft.reference(), grantForm(draft, "smp",
                "Експорт послуг автоматизації до ЄС", "300000", 40), List.of(), false);
    }

    /** A Kharkiv meetup with its experts in, open for registration on its public page. */
    private String openMeetup() {
        Map<String, Object> topic = new HashMap<>();
        topic.put("segment", "BIM у машинобудуванні");
        topic.put("challenge", "Спільні формати обміну 3D-моделями між конструкторськими бюро і заводами");
        topic.put("format", "hybrid");
        topic.put("windowFrom", AppClock.today().plusDays(14));
        topic.put("windowTo", AppClock.today().plusDays(45));
        Meetup meetup = meetups.propose(KHARKIV, "nadia", FormSubmission.ofValues(topic));
        Map<String, Object> plan = new HashMap<>();
        plan.put("meetupDate", Date.from(AppClock.today().plusDays(21).atStartOfDay(AppClock.KYIV).toInstant()));
        plan.put("startTime", "10:00");
        plan.put("durationHours", 3L);
        plan.put("venue", "Харків, НТУ «ХПІ», корпус У2");
        plan.put("onlineLink", "https://meet.example.com/bim");
        plan.put("capacityOffline", 30L);
        plan.put("capacityOnline", 100L);
        plan.put("budget", 12000.0);
        completeTask(meetup.reference(), MeetupProcess.TASK_PLAN, plan);
        completeTask(meetup.reference(), MeetupProcess.TASK_APPROVE,
                Variable.values().and(MeetupProcess.APPROVAL_DECISION, MeetupProcess.APPROVED));
        Map<String, Object> experts = new HashMap<>();
        String[][] shortlist = {{"Ірина Литвин", "business"}, {"Олег Савчук", "university"}, {"Марко Ткач", "it"}};
        for (int i = 0; i < shortlist.length; i++) {
            experts.put(MeetupProcess.EXPERT_NAME.name(i + 1), shortlist[i][0]);
            experts.put(MeetupProcess.EXPERT_EMAIL.name(i + 1), "expert" + (i + 1) + "@example.com");
            experts.put(MeetupProcess.EXPERT_CATEGORY.name(i + 1), shortlist[i][1]);
        }
        completeTask(meetup.reference(), MeetupProcess.TASK_SHORTLIST, experts);
        meetupRepository.experts(meetup.id()).forEach(expert -> meetups.answer(expert.id(), true));
        return meetup.reference();
    }

    private void completeTask(String businessKey, String taskKey, Map<String, Object> variables) {
        work.completeStep(businessKey, taskKey, "olena", variables);
    }

    private static GrantForm grantForm(GrantApplication current, String programme, String title, String budget,
                                       int daysToDeadline, String... countries) {
        Map<String, String[]> params = new HashMap<>();
        params.put("programme", new String[] {programme});
        params.put("callId", new String[] {"horizon".equals(programme) ? "HORIZON-CL4-2027-TWIN-01" : "SMP-COSME-2027-CLUSTERS"});
        params.put("callDeadline", new String[] {AppClock.today().plusDays(daysToDeadline).toString()});
        params.put("title", new String[] {title});
        params.put("summary", new String[] {title + ": спільний проєкт членів кластера з університетами та партнерами з ЄС."});
        params.put("requestedBudget", new String[] {budget});
        params.put("coFinancing", new String[] {"50000"});
        params.put("version", new String[] {String.valueOf(current.version())});
        for (int i = 0; i < countries.length; i++) {
            params.put("partnerName" + i, new String[] {"PL".equals(countries[i]) ? "Politechnika Łódzka" : "Fraunhofer IWU"});
            params.put("partnerCountry" + i, new String[] {countries[i]});
            params.put("partnerRole" + i, new String[] {"Research partner"});
        }
        GrantForm form = GrantForm.typed(params);
        form.check(true);
        return form;
    }

    private void person(String id, String first, String last, String cluster, Role... roles) {
        directory.createPerson(id, first, last, id + "@clusterflow.local", "uk", PASSWORD);
        for (Role role : roles) {
            directory.grant(id, cluster, role);
        }
    }

    /** Paid up to a year from when it joined; its next year waits for the renewal date. */
    private long member(String cluster, String name, String first7, String category, String sectors, int headcount,
                        String contact, String offers, String needs) {
        long id = organisations.insert(new MemberOrganisation(null, cluster, name, edrpou(first7), category, sectors,
                headcount, "Харківська", offers, needs, contact, null, null, daysAgo(150)));
        membership.bringIn(id, AppClock.today().plusMonths(7));
        return id;
    }

    private static Instant daysAgo(int days) {
        return AppClock.now().minus(Duration.ofDays(days));
    }

    /** Kharkiv's register with a member in each status: in grace, lapsed, resigned, excluded, and one giving notice. */
    private void membersInEveryStatus(LocalDate today) {
        long inGrace = organisations.insert(new MemberOrganisation(null, KHARKIV, "ТОВ «Слобожанський литейник»",
                edrpou("3155511"), "sme", "machinebuilding", 70, "Харківська", "Лиття чавуну й сталі", "Замовники",
                null, null, null, daysAgo(405)));
        membership.bringInUnpaid(inGrace, today.minusDays(40), MembershipStatus.IN_GRACE, today.plusDays(20));
        long lapsed = organisations.insert(new MemberOrganisation(null, KHARKIV, "ТОВ «Старий верстат»",
                edrpou("3155512"), "sme", "machinebuilding", 15, "Харківська", "Ремонт верстатів", "Кадри",
                null, null, null, daysAgo(805)));
        membership.bringInUnpaid(lapsed, today.minusDays(75), MembershipStatus.LAPSED, today.minusDays(15));
        long resigned = organisations.insert(new MemberOrganisation(null, KHARKIV, "ТОВ «Енергоаудит Плюс»",
                edrpou("3155513"), "sme", "engineering", 9, "Харківська", "Енергоаудит", "Замовники",
                null, null, null, daysAgo(1100)));
        memberships.setStatus(resigned, MembershipStatus.RESIGNED, today.minusDays(20),
                "Зосереджуємося на роботі в іншому регіоні", null);
        long excluded = organisations.insert(new MemberOrganisation(null, KHARKIV, "ТОВ «Тимчасові рішення»",
                edrpou("3155514"), "other", "other", 3, "Харківська", "Посередництво", "Клієнти",
                null, null, null, daysAgo(800)));
        memberships.setStatus(excluded, MembershipStatus.EXCLUDED, today.minusDays(100),
                "Рішення правління: систематичне порушення статуту кластера", null);
        long leaving = member(KHARKIV, "ТОВ «Цифрова фабрика»", "3155515", "startup", "it", 12, null,
                "Цифрові двійники виробництва", "Пілотні впровадження");
        membership.resign(leaving, "Об’єднуємося з іншою компанією", null);
    }

    private OnboardingApplication apply(String cluster, String name, String first7, String category, int headcount,
                                        String email, String contact) {
        Map<String, Object> values = new HashMap<>();
        values.put("organisationName", name);
        values.put("edrpou", edrpou(first7));
        values.put("category", category);
        values.put("sectors", "engineering,automation");
        values.put("headcount", (long) headcount);
        values.put("region", KHARKIV.equals(cluster) ? "Харківська" : "Запорізька");
        values.put("contactName", contact);
        values.put("contactEmail", email);
        values.put("contactPhone", "+380 50 000 00 00");
        values.put("offers", "Проєктування та впровадження систем автоматизації");
        values.put("needs", "Спільні проєкти з університетами, вихід на ринки ЄС");
        values.put("consent", true);
        return onboarding.apply(cluster, UUID.randomUUID().toString(), FormSubmission.ofValues(values), "uk", null);
    }

    private void complete(OnboardingApplication application, Map<String, Object> variables) {
        work.completeStep(application.reference(), null, "olena", variables);
    }

    private void vote(String businessKey, String voter, String choice, String comment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(BoardVoteProcess.VOTE.name(), choice);
        variables.put(BoardVoteProcess.VOTE_COMMENT.name(), comment);
        work.completeStep(businessKey, BoardVoteProcess.TASK_CAST_VOTE, voter, variables);
    }

    /**
     * The chair's question on the annual forum's place, among three options, with one ballot cast; and the meetup's
     * agreed action with its owner.
     */
    private void boardQuestionAndFollowUp(String meetupReference) {
        Map<String, Object> typed = new HashMap<>();
        typed.put("question", "Де провести щорічний форум кластера 2027 року?");
        typed.put("motionText", "Бюджет до 150 000 грн, близько 200 учасників; потрібні зал і виставкова зона.");
        typed.put("options", "Харків, ХПІ\nХарків, Палац праці\nОнлайн");
        typed.put("closesOn", AppClock.today().plusDays(7));
        typed.put("closesAtTime", "18:00");
        typed.put("quorumPercent", 51);
        typed.put("publicOutcome", true);
        Motion motion = motions.propose(people.load("petro"), KHARKIV, FormSubmission.ofValues(typed));
        vote(motion.businessKey(), "iryna", Choices.value(0), "Зал ХПІ вже перевірений");
        FollowUpService.Source meetup = followUps.caseSource(people.load("olena"), meetupReference).orElseThrow();
        followUps.agree(people.load("olena"), meetup, "Надіслати учасникам презентації експертів і контакти", "olena",
                AppClock.today().plusDays(10));
    }

    private static String edrpou(String first7) {
        return first7 + Edrpou.checkDigit(first7);
    }
}
