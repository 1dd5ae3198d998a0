package ua.clusterflow.membership.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterAdminService;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Invoices;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.cluster.MembershipStatus;
import ua.clusterflow.cluster.OrganisationPerson;
import ua.clusterflow.cluster.OrganisationRole;
import ua.clusterflow.cluster.PaymentDetails;
import ua.clusterflow.membership.MemberPeople;
import ua.clusterflow.membership.MemberSheet;
import ua.clusterflow.membership.MembershipService;
import ua.clusterflow.membership.Memberships;

/**
 * The member register of a cluster for its coordinators and board, each member's membership page (status, history,
 * dues, people), leaving, and the cluster's membership terms.
 */
@Controller
public class MembershipController {


    /** A person of the organisation as the page shows them. */
    public record PersonLine(String userId, String name, String email, OrganisationRole role) {
    }

    /** An entry of the history with its reason in the reader's language. */
    public record HistoryLine(LocalDate day, MembershipStatus status, String text, String actor) {
    }

    private final Memberships memberships;
    private final MembershipService membership;
    private final MemberPeople people;
    private final MemberOrganisationRepository organisations;
    private final ClusterDirectory directory;
    private final MemberRegisterWorkbook workbook;
    private final MessageSource messages;
    private final ClusterAdminService admin;
    private final PaymentDetails paymentDetails;
    private final Invoices invoices;

    public MembershipController(Memberships memberships, MembershipService membership, MemberPeople people,
                                MemberOrganisationRepository organisations, ClusterDirectory directory,
                                MemberRegisterWorkbook workbook, MessageSource messages, ClusterAdminService admin,
                                PaymentDetails paymentDetails, Invoices invoices) {
        this.invoices = invoices;
        this.admin = admin;
        this.paymentDetails = paymentDetails;
        this.memberships = memberships;
        this.membership = membership;
        this.people = people;
        this.organisations = organisations;
        this.directory = directory;
        this.workbook = workbook;
        this.messages = messages;
    }

    /** The register's filter for members who gave notice and are still current until it ends. */
    private static final String GIVING_NOTICE = "NOTICE";

    @GetMapping("/members")
    public String register(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String cluster,
                           @RequestParam(defaultValue = "") String status,
                           @RequestParam(defaultValue = "") String category, Model model) {
        String clusterId = staffCluster(user, cluster);
        MembershipStatus chosen = status(status);
        String cat = MemberSheet.CATEGORIES.contains(category) ? category : "";
        model.addAttribute("clusters", directory.clusters(staffClusters(user)));
        model.addAttribute("clusterId", clusterId);
        model.addAttribute("clusterName", directory.clusterName(clusterId));
        // members who gave notice are current until it ends: a filter of their own finds them
        boolean notice = GIVING_NOTICE.equals(status);
        model.addAttribute("status", notice ? GIVING_NOTICE : chosen == null ? "" : chosen.name());
        model.addAttribute("category", cat);
        model.addAttribute("statuses", MembershipStatus.values());
        model.addAttribute("categories", MemberSheet.CATEGORIES);
        model.addAttribute("rows", memberships.register(clusterId, chosen, cat).stream()
                .filter(r -> !notice || r.noticeUntil() != null).toList());
        model.addAttribute("coordinator", user.has(clusterId, Role.COORDINATOR));
        // the year's invoices go out on their own: a coordinator learns here, not from a member, that they lack details
        model.addAttribute("paymentMissing", user.has(clusterId, Role.COORDINATOR) && paymentDetails.of(clusterId).isEmpty());
        return "members/register";
    }

    @GetMapping("/members/export")
    public ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user,
                                         @RequestParam(defaultValue = "") String cluster,
                                         @RequestParam(defaultValue = "") String status,
                                         @RequestParam(defaultValue = "") String category) {
        String clusterId = staffCluster(user, cluster);
        String cat = MemberSheet.CATEGORIES.contains(category) ? category : "";
        Locale locale = LocaleContextHolder.getLocale();
        byte[] book = workbook.write(directory.clusterName(clusterId),
                memberships.register(clusterId, status(status), cat), locale);
        String name = "members-" + clusterId + "-" + AppClock.today() + ".xlsx";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(book);
    }

    /** The organisation the signed-in person speaks for (the first, where they speak for several). */
    @GetMapping("/my-organisation")
    public String myOrganisation(@AuthenticationPrincipal CurrentUser user) {
        List<Long> own = organisations.idsForContact(user.id());
        if (own.isEmpty()) {
            return "redirect:/cases";
        }
        return "redirect:/members/" + own.get(0);
    }

    @GetMapping("/members/{id}")
    public String member(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        return show(user, visible(user, id), model, new FieldErrors(), Map.of());
    }

    @PostMapping("/members/{id}/resign")
    public String resign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                         @RequestParam(defaultValue = "") String reason,
                         @RequestParam(defaultValue = "") String confirm, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        MemberOrganisation org = visible(user, id);
        if (!speaksFor(user, org)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        FieldErrors errors = new FieldErrors().required("reason", reason, 2000);
        if (!"yes".equals(confirm)) {
            errors.reject("confirm", "members.resign.confirm.required");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return show(user, org, model, errors,
                    Map.of("reason", reason));
        }
        var ends = membership.resign(id, reason.trim(), user.id());
        redirect.addFlashAttribute("message", ends.isPresent() ? "membership.resign.done" : "membership.resign.refused");
        return "redirect:/members/" + id;
    }

    @PostMapping("/members/{id}/notice/withdraw")
    public String withdrawNotice(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                 RedirectAttributes redirect) {
        MemberOrganisation org = visible(user, id);
        if (!speaksFor(user, org)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        boolean withdrawn = membership.withdrawNotice(id, user.id());
        redirect.addFlashAttribute(withdrawn ? "message" : "error",
                withdrawn ? "membership.notice.withdrawn" : "membership.notice.withdraw.refused");
        return "redirect:/members/" + id;
    }

    @PostMapping("/members/{id}/exclusion")
    public String proposeExclusion(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                   @RequestParam(defaultValue = "") String grounds, Model model,
                                   HttpServletResponse response, RedirectAttributes redirect) {
        MemberOrganisation org = visible(user, id);
        if (!user.worksCasesOf(org.clusterId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        FieldErrors errors = new FieldErrors().required("grounds", grounds, 2000);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return show(user, org, model, errors,
                    Map.of("grounds", grounds));
        }
        boolean started = membership.proposeExclusion(id, grounds.trim(), user.id());
        redirect.addFlashAttribute("message", started ? "membership.exclusion.started" : "membership.exclusion.refused");
        return "redirect:/members/" + id;
    }

    @PostMapping("/members/{id}/people")
    public String addPerson(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                            @RequestParam(defaultValue = "") String firstName,
                            @RequestParam(defaultValue = "") String lastName,
                            @RequestParam(defaultValue = "") String email,
                            @RequestParam(defaultValue = "OTHER") String role,
                            @RequestParam(defaultValue = "uk") String language, Model model,
                            HttpServletResponse response, RedirectAttributes redirect) {
        MemberOrganisation org = visible(user, id);
        if (!speaksFor(user, org)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        FieldErrors errors = new FieldErrors().addAll(admin.checkContact(firstName, lastName, email));
        OrganisationRole chosen = orgRole(role);
        if (chosen == null) {
            errors.reject("role", "error.required");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return show(user, org, model, errors, Map.of("firstName", firstName, "lastName", lastName, "email", email,
                    "role", role, "language", language));
        }
        people.addPerson(id, firstName, lastName, email.trim(), language, chosen, user.id());
        redirect.addFlashAttribute("message", "membership.person.added");
        return "redirect:/members/" + id;
    }

    @PostMapping("/members/{id}/people/{userId}/remove")
    public String removePerson(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                               @PathVariable String userId, RedirectAttributes redirect) {
        MemberOrganisation org = visible(user, id);
        if (!speaksFor(user, org)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        boolean removed = people.removePerson(id, userId, user.id());
        redirect.addFlashAttribute("message", removed ? "membership.person.removed" : "membership.person.mainStays");
        return "redirect:/members/" + id;
    }

    private String show(CurrentUser user, MemberOrganisation org, Model model, FieldErrors errors,
                        Map<String, String> typed) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("organisation", org);
        model.addAttribute("clusterName", directory.clusterName(org.clusterId()));
        model.addAttribute("noticeUntil", memberships.noticeUntil(org.id()).orElse(null));
        model.addAttribute("history", memberships.history(org.id()).stream()
                .map(e -> new HistoryLine(e.onDay(), e.status(), reason(e.reason(), locale), e.actor())).toList());
        model.addAttribute("dues", memberships.duesOf(org.id()));
        model.addAttribute("invoices", invoices.ofOrganisation(org.id()));
        List<PersonLine> people = organisations.people(org.id()).stream().map(this::line).toList();
        model.addAttribute("people", people);
        model.addAttribute("roles", OrganisationRole.values());
        model.addAttribute("staff", user.worksCasesOf(org.clusterId()));
        model.addAttribute("mayEditDetails", user.has(org.clusterId(), Role.COORDINATOR));
        model.addAttribute("mayResign", speaksFor(user, org) && memberships.noticeUntil(org.id()).isEmpty());
        model.addAttribute("noticeEndsIfGiven", AppClock.today().plusDays(memberships.terms(org.clusterId()).noticeDays()));
        model.addAttribute("mayExclude", user.worksCasesOf(org.clusterId()) && !org.status().ended()
                && !membership.exclusionRunning(org.id()));
        model.addAttribute("exclusionRunning", membership.exclusionRunning(org.id()));
        model.addAttribute("mayManagePeople", speaksFor(user, org));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "members/member";
    }

    private PersonLine line(OrganisationPerson p) {
        var person = directory.person(p.userId());
        return new PersonLine(p.userId(), person.map(x -> x.displayName()).orElse(p.userId()),
                person.map(x -> x.email()).orElse(""), p.role());
    }

    /** A reason as stored ("dues-unpaid", "person-added:Name", or words someone typed) in the reader's language. */
    private String reason(String reason, Locale locale) {
        if (reason == null) {
            return "";
        }
        int colon = reason.indexOf(':');
        String key = colon > 0 ? reason.substring(0, colon) : reason;
        Object[] args = colon > 0 ? new Object[] {reason.substring(colon + 1)} : null;
        return key.matches("[a-z-]+")
                ? messages.getMessage("membership.reason." + key, args, reason, locale) : reason;
    }

    /** The main contact or a coordinator speaks for a member that has not left: resigns, runs its people. */
    private boolean speaksFor(CurrentUser user, MemberOrganisation org) {
        return !org.status().ended() && (user.has(org.clusterId(), Role.COORDINATOR) || isMainContact(user, org));
    }

    private boolean isMainContact(CurrentUser user, MemberOrganisation org) {
        return user.id().equals(org.contactUser()) && organisations.idsForContact(user.id()).contains(org.id());
    }

    /** The cluster's staff see every member; a member's own people see theirs while it is an active member. */
    private MemberOrganisation visible(CurrentUser user, long id) {
        return organisations.find(id)
                .filter(o -> user.worksCasesOf(o.clusterId()) || organisations.idsForContact(user.id()).contains(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private List<String> staffClusters(CurrentUser user) {
        return user.clusterIds().stream().filter(user::worksCasesOf).toList();
    }

    private String staffCluster(CurrentUser user, String cluster) {
        List<String> mine = staffClusters(user);
        if (mine.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (cluster.isBlank()) {
            return mine.get(0);
        }
        if (!mine.contains(cluster)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return cluster;
    }

    private static MembershipStatus status(String status) {
        for (MembershipStatus s : MembershipStatus.values()) {
            if (s.name().equals(status)) {
                return s;
            }
        }
        return null;
    }

    private static OrganisationRole orgRole(String role) {
        for (OrganisationRole r : OrganisationRole.values()) {
            if (r.name().equals(role)) {
                return r;
            }
        }
        return null;
    }
}
