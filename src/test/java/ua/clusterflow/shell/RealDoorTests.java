package ua.clusterflow.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.clusterflow.CaseSteps;
import ua.clusterflow.IntegrationTest;
import ua.clusterflow.RealDoor.Answer;
import ua.clusterflow.RealDoor;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.RateLimits;
import ua.clusterflow.base.Role;
import ua.clusterflow.browser.Browser;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.cluster.OrganisationRole;
import ua.clusterflow.cluster.StaffService;
import ua.clusterflow.demo.DemoData;
import ua.clusterflow.meetup.Meetup;
import ua.clusterflow.meetup.MeetupService;
import ua.clusterflow.membership.MemberPeople;
import ua.clusterflow.membership.MembershipService;
import ua.clusterflow.tasklist.FormSubmission;

/**
 * The defences as an attacker meets them: the application listening on its real port, each client sending from a
 * loopback address of its own through the real filter chain (no MockMvc, which fills thread-locals the chain leaves
 * empty), and a real browser where cookies matter.
 */
class RealDoorTests extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired ClusterDirectory directory;
    @Autowired RateLimits limits;
    @Autowired StaffService staff;
    @Autowired MembershipService membership;
    @Autowired MemberPeople memberPeople;
    @Autowired MemberOrganisationRepository organisations;
    @Autowired MeetupService meetups;

    @Test
    void wrongSignInsForMadeUpAccountsFromOneAddressKeepOutThatAddressAlone() throws Exception {
        String owner = person("door-owner", Role.MEMBER);
        int perAddress = limits.perHour(RateLimits.Limit.LOGIN_ADDRESS);
        int refused = 0;
        try (RealDoor attacker = RealDoor.from(port, "127.0.37.2")) {
            for (int i = 0; i < perAddress + 10; i++) {
                Answer answer = attacker.signIn("made-up-" + i, "guess");
                refused += answer.location().contains("/login?throttled=") ? 1 : 0;
            }
            assertThat(refused).as("attempts past the address's %d refused", perAddress).isEqualTo(10);
            assertThat(attacker.signIn(owner, "right-password-1").location()).contains("/login?throttled=");
        }
        try (RealDoor ownerDoor = RealDoor.from(port, "127.0.37.3");
             RealDoor administrator = RealDoor.from(port, "127.0.37.4")) {
            assertThat(ownerDoor.signIn(owner, "right-password-1").location()).endsWith("/");
            assertThat(ownerDoor.get("/cases").status()).isEqualTo(200);
            String basic = Base64.getEncoder().encodeToString(("admin:" + DemoData.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(administrator.get("/engine-rest/engine", "Authorization", "Basic " + basic).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void wrongPasswordsForAnAccountFromElsewhereDoNotKeepItsOwnerOutOfHerOwnBrowser() throws Exception {
        String owner = person("door-device", Role.MEMBER);
        try (Browser browser = new Browser("http://localhost:" + port, "door/device")) {
            browser.login(owner, "right-password-1");
            assertThat(browser.hasCookie(LoginThrottle.DEVICE_COOKIE)).isTrue();
            browser.endSession();

            try (RealDoor attacker = RealDoor.from(port, "127.0.37.5")) {
                for (int i = 0; i < limits.perHour(RateLimits.Limit.LOGIN_ACCOUNT); i++) {
                    assertThat(attacker.signIn(owner, "guess-" + i).location()).contains("/login?error");
                }
                assertThat(attacker.signIn(owner, "right-password-1").location()).contains("/login?throttled=");
            }
            try (RealDoor elsewhere = RealDoor.from(port, "127.0.37.6")) {
                assertThat(elsewhere.signIn(owner, "right-password-1").location())
                        .as("a browser the owner never signed in from").contains("/login?throttled=");
            }
            browser.signIn(owner, "right-password-1");
            assertThat(browser.currentUrl()).doesNotContain("/login");
            browser.find(By.cssSelector("main"));
        }
    }

    @Test
    void aUsedPasswordResetLinkWorksUnderNoOtherSpelling() throws Exception {
        String user = person("door-reset", Role.MEMBER);
        try (RealDoor door = RealDoor.from(port, "127.0.37.7")) {
            door.get("/login");
            door.post("/password-reset", Map.of("login", user));
            Matcher link = Pattern.compile("href=\"[^\"]*(/password-reset/[^\"]+)\"")
                    .matcher(body(mailsTo(user + "@example.com").get(0)));
            assertThat(link.find()).isTrue();
            String path = link.group(1);
            door.get(path);
            assertThat(door.post(path, Map.of("password", "new-password-12", "repeat", "new-password-12"))
                    .location()).contains("/login?passwordChanged");

            String lastChanged = path.substring(0, path.length() - 1) + sameBitsOtherSpelling(path.charAt(path.length() - 1));
            for (String replay : new String[] {path, path + "=", lastChanged}) {
                Answer opened = door.get(replay);
                assertThat(opened.status()).as(replay).isIn(403, 410);
                door.get("/login");
                Answer posted = door.post(replay, Map.of("password", "taken-over-12", "repeat", "taken-over-12"));
                assertThat(posted.status()).as(replay).isIn(403, 410);
            }
            assertThat(directory.checkPassword(user, "new-password-12")).isTrue();
        }
    }

    @Test
    void aBoardMemberMadeToLeaveARemovedContactAndAnExcludedMemberReadNothingOfTheClusterOnTheirNextRequest()
            throws Exception {
        String leaver = person("door-leaver", Role.BOARD);
        String removed = person("door-removed", Role.MEMBER);
        String excluded = person("door-excluded", Role.MEMBER);
        long profile = organisation("ТОВ «Двері» ", leaver, null);
        long ofRemoved = organisation("ТОВ «Колишні люди» ", person("door-main", Role.MEMBER), removed);
        long ofExcluded = organisation("ТОВ «Виключена» ", excluded, null);
        String yearOfExcluded = membership.openYear(ofExcluded, AppClock.today().plusDays(30));
        Meetup unannounced = meetups.propose("kharkiv", "olena",
                FormSubmission.ofValues(new HashMap<>(CaseSteps.meetupTopic("Двері", "Хто читає"))));

        try (RealDoor board = RealDoor.from(port, "127.0.37.8");
             RealDoor contact = RealDoor.from(port, "127.0.37.9");
             RealDoor former = RealDoor.from(port, "127.0.37.10")) {
            board.signIn(leaver, "right-password-1");
            contact.signIn(removed, "right-password-1");
            former.signIn(excluded, "right-password-1");
            assertThat(board.get("/cases/" + unannounced.reference()).status()).isEqualTo(200);
            for (RealDoor door : new RealDoor[] {board, contact, former}) {
                assertThat(door.get("/directory").body()).as(door.address()).contains("ТОВ «Двері»");
                assertThat(door.get("/directory/" + profile).status()).as(door.address()).isEqualTo(200);
                assertThat(door.get("/roles").status()).as(door.address()).isEqualTo(200);
                assertThat(door.get("/meetups/propose?cluster=kharkiv").status()).as(door.address()).isEqualTo(200);
            }

            assertThat(staff.leave("kharkiv", leaver, "olena")).isNotNegative();
            assertThat(memberPeople.removePerson(ofRemoved, removed, "olena")).isTrue();
            membership.exclude(ofExcluded, yearOfExcluded, "Несплата внесків");

            assertThat(board.get("/cases/" + unannounced.reference()).status()).isEqualTo(404);
            for (RealDoor door : new RealDoor[] {board, contact, former}) {
                assertThat(door.get("/directory").body()).as(door.address()).doesNotContain("ТОВ «Двері»");
                assertThat(door.get("/directory/" + profile).status()).as(door.address()).isEqualTo(404);
                assertThat(door.get("/roles").status()).as(door.address()).isEqualTo(404);
                assertThat(door.get("/meetups/propose?cluster=kharkiv").status()).as(door.address()).isEqualTo(403);
            }
        }
        assertThat(directory.peopleOfCluster("kharkiv")).extracting(p -> p.id())
                .doesNotContain(leaver, removed, excluded).contains("olena", "nadia");
    }

    @Test
    void applicationsFromOneAddressCountAsOneWhateverXForwardedForSays() throws Exception {
        int limit = limits.perHour(RateLimits.Limit.PUBLIC_ADDRESS);
        long before = applications();
        int stored = 0;
        int refused = 0;
        try (RealDoor door = RealDoor.from(port, "127.0.37.11")) {
            for (int i = 0; i < limit + 5; i++) {
                door.get("/apply/kharkiv");
                Map<String, String> fields = new HashMap<>();
                CaseSteps.applicationValues("ТОВ «Заголовок» " + i, newEdrpou(), "xff-" + i + "@example.com")
                        .forEach((name, value) -> fields.put(name, String.valueOf(value)));
                fields.put("sectors", "it");
                fields.put("submissionId", UUID.randomUUID().toString());
                Answer answer = door.post("/apply/kharkiv", fields, "X-Forwarded-For", "10.9.8." + i);
                stored += answer.status() == 302 ? 1 : 0;
                refused += answer.status() == 429 ? 1 : 0;
            }
        }
        assertThat(stored).isEqualTo(limit);
        assertThat(refused).isEqualTo(5);
        assertThat(applications() - before).isEqualTo(limit);
    }

    @Test
    void forwardedHeadersAreBelievedFromTheNamedProxyAlone() throws Exception {
        try (RealDoor proxy = RealDoor.from(port, "127.0.0.9"); RealDoor client = RealDoor.from(port, "127.0.37.12")) {
            assertThat(proxy.get("/login", "X-Forwarded-Proto", "https").headers())
                    .containsKey("strict-transport-security");
            assertThat(client.get("/login", "X-Forwarded-Proto", "https").headers())
                    .doesNotContainKey("strict-transport-security");
        }
    }

    @Test
    void anAccountFromElsewhereIsAskedBeforeACoordinatorOrAMembersContactGivesItAnything() throws Exception {
        String outsider = person("door-outsider", Role.BOARD);
        directory.revoke(outsider, "kharkiv", Role.BOARD);
        directory.grant(outsider, "zaporizhzhia", Role.BOARD);
        String address = outsider + "@example.com";
        long nadias = jdbc.sql("select id from member_organisation where contact_user = 'nadia'").query(Long.class)
                .single();
        try (RealDoor coordinator = RealDoor.from(port, "127.0.37.13");
             RealDoor contact = RealDoor.from(port, "127.0.37.14");
             RealDoor invited = RealDoor.from(port, "127.0.37.15")) {
            coordinator.signIn("olena", DemoData.PASSWORD);
            coordinator.get("/staff?cluster=kharkiv");
            Map<String, String> typed = Map.of("cluster", "kharkiv", "firstName", "Будь", "lastName", "Хто",
                    "email", address, "roles", "BOARD");
            assertThat(coordinator.post("/staff", typed).status()).isEqualTo(302);
            contact.signIn("nadia", DemoData.PASSWORD);
            contact.get("/members/" + nadias);
            assertThat(contact.post("/members/" + nadias + "/people", Map.of("firstName", "Будь", "lastName", "Хто",
                    "email", address, "role", "EXPERT")).status()).isEqualTo(302);

            assertThat(directory.rolesOf(outsider)).doesNotContainKey("kharkiv");
            assertThat(organisations.people(nadias)).noneMatch(p -> p.userId().equals(outsider));
            assertThat(subjectsTo(address)).as("one mail for what the cluster's people asked")
                    .containsExactly("Вас запрошують до кластера «" + directory.clusterName("kharkiv") + "» у ClusterFlow");

            invited.signIn(outsider, "right-password-1");
            assertThat(invited.get("/directory/" + nadias).status()).isEqualTo(404);
            String page = invited.get("/joining").body();
            List<String> ids = Pattern.compile("data-joining=\"(\\d+)\"").matcher(page).results()
                    .map(m -> m.group(1)).toList();
            assertThat(ids).hasSize(2);
            assertThat(invited.post("/joining/" + ids.get(0), Map.of("answer", "accept")).status()).isEqualTo(302);
            assertThat(invited.post("/joining/" + ids.get(1), Map.of("answer", "accept")).status()).isEqualTo(302);
            assertThat(directory.rolesOf(outsider).get("kharkiv")).contains(Role.BOARD);
            assertThat(organisations.people(nadias)).anyMatch(p -> p.userId().equals(outsider)
                    && p.role() == OrganisationRole.EXPERT);
            assertThat(invited.get("/directory/" + nadias).status()).isEqualTo(200);
            // another's invitation, or one answered already, is not answered again
            assertThat(invited.post("/joining/" + ids.get(0), Map.of("answer", "decline")).status()).isEqualTo(302);
            assertThat(directory.rolesOf(outsider).get("kharkiv")).contains(Role.BOARD);
        } finally {
            // the demo's board and Nadia's organisation as the other tests know them
            organisations.removePerson(nadias, outsider);
            directory.revoke(outsider, "kharkiv", Role.BOARD);
        }
    }

    @Test
    void thePeopleFormSaysTheSameWhetherAnAddressHasAnAccountElsewhereOrNot() throws Exception {
        try (RealDoor coordinator = RealDoor.from(port, "127.0.37.16")) {
            coordinator.signIn("olena", DemoData.PASSWORD);
            coordinator.get("/staff?cluster=kharkiv");
            String known = coordinator.post("/staff", Map.of("cluster", "kharkiv", "email", "bohdan@clusterflow.local"))
                    .body();
            String unknown = coordinator.post("/staff", Map.of("cluster", "kharkiv", "email", "nobody-"
                    + System.nanoTime() + "@example.com")).body();
            assertThat(errors(known)).isEqualTo(errors(unknown)).contains("e-firstName", "e-lastName", "e-roles");
        }
    }

    // --- helpers

    /** The ids of the field errors a page shows. */
    private static List<String> errors(String page) {
        return Pattern.compile("id=\"(e-[A-Za-z]+)\"").matcher(page).results().map(m -> m.group(1)).toList();
    }


    /** Another character whose value differs only in the bits unpadded Base64 leaves unused at the end of 32 bytes. */
    private static char sameBitsOtherSpelling(char last) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return alphabet.charAt(alphabet.indexOf(last) ^ 1);
    }

    private String person(String prefix, Role role) {
        String user = prefix + "-" + System.nanoTime() % 1_000_000;
        directory.createPerson(user, "Двері", "Тест", user + "@example.com", "uk", "right-password-1");
        directory.grant(user, "kharkiv", role);
        return user;
    }

    private long organisation(String name, String contact, String other) {
        long id = organisations.insert(new MemberOrganisation(null, "kharkiv", name + System.nanoTime() % 1_000_000,
                newEdrpou(), "sme", "automation", 20, "Харківська", "Двері", null, contact, null, null, null));
        if (other != null) {
            organisations.addPerson(id, other, OrganisationRole.OTHER);
        }
        return id;
    }

    private long applications() {
        return jdbc.sql("select count(*) from onboarding_application").query(Long.class).single();
    }
}
