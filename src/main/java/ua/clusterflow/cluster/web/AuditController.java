package ua.clusterflow.cluster.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import ua.clusterflow.base.CurrentUser;
import ua.clusterflow.base.Detail;
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.cluster.AuditTrail;
import ua.clusterflow.cluster.AuditTrail.Area;
import ua.clusterflow.cluster.Cluster;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Person;

/**
 * The audit trail: who changed which person, role, status, record or payment, and when, for the cluster's
 * coordinators and board and for administrators (who also read the installation's own lines, the erasures). Searched by
 * a person (a login or address, or words of a name, which also find the organisation or case the change was to) and
 * between two days; fifty lines a page, the newest first.
 */
@Controller
public class AuditController {

    static final int PAGE = 50;

    /** A line as the page shows it: what changed in the reader's words, and where to see it. */
    public record Line(Instant at, String clusterName, Area area, String text, String detail, String subject,
                       String link, String actor) {
    }

    private final AuditTrail trail;
    private final ClusterDirectory directory;
    private final MessageSource messages;
    private final Detail details;

    public AuditController(AuditTrail trail, ClusterDirectory directory, MessageSource messages, Detail details) {
        this.trail = trail;
        this.directory = directory;
        this.messages = messages;
        this.details = details;
    }

    @GetMapping("/audit")
    public String audit(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String cluster,
                        @RequestParam(defaultValue = "") String person, @RequestParam(defaultValue = "") String from,
                        @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String area,
                        @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
        List<Cluster> readable = user.administrator() ? directory.clusters()
                : directory.clusters(user.clusterIds().stream().filter(user::worksCasesOf).toList());
        if (readable.isEmpty() && !user.administrator()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (!cluster.isBlank() && readable.stream().noneMatch(c -> c.id().equals(cluster))) {
            throw new ResponseStatusException(user.belongsTo(cluster) ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND);
        }
        FieldErrors errors = new FieldErrors();
        LocalDate fromDay = errors.day("from", from, false);
        LocalDate toDay = errors.day("to", to, false);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.reject("to", "audit.error.order");
        }
        Area chosenArea = Arrays.stream(Area.values()).filter(a -> a.name().equals(area)).findFirst().orElse(null);
        List<Line> lines = List.of();
        boolean more = false;
        int shownPage = Math.max(0, page);
        if (errors.isEmpty()) {
            List<String> clusterIds = cluster.isBlank() ? readable.stream().map(Cluster::id).toList() : List.of(cluster);
            List<String> people = person.isBlank() ? List.of()
                    : directory.personByLoginOrEmail(person.strip()).map(Person::id).stream().toList();
            AuditTrail.Search search = new AuditTrail.Search(clusterIds, user.administrator() && cluster.isBlank(),
                    people, person, fromDay, toDay, chosenArea);
            List<AuditTrail.Entry> found = trail.search(search, PAGE + 1, shownPage * PAGE);
            more = found.size() > PAGE;
            Map<String, String> names = readable.stream().collect(Collectors.toMap(Cluster::id, Cluster::name));
            lines = found.stream().limit(PAGE).map(e -> line(e, names, locale)).toList();
        }
        model.addAttribute("clusters", readable);
        model.addAttribute("areas", Area.values());
        model.addAttribute("lines", lines);
        model.addAttribute("more", more);
        model.addAttribute("page", shownPage);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", Map.of("cluster", cluster, "person", person, "from", from, "to", to,
                "area", chosenArea == null ? "" : chosenArea.name()));
        return "cluster/audit";
    }

    private Line line(AuditTrail.Entry e, Map<String, String> clusterNames, Locale locale) {
        String detail = e.detail() == null || e.detail().isBlank() ? null : details.render(e.detail());
        String pattern = messages.getMessage(e.what(), null, e.what(), locale);
        String text;
        if (pattern.contains("{0}")) {
            text = messages.getMessage(e.what(), new Object[] {detail == null ? "" : detail}, locale);
            detail = null;
        } else {
            text = pattern;
        }
        String link = e.businessKey() != null ? "/cases/" + e.businessKey()
                : e.organisationId() != null ? "/members/" + e.organisationId() : null;
        String actor = e.actor() != null ? e.actor() : e.actorId();
        return new Line(e.at(), e.clusterId() == null ? null : clusterNames.getOrDefault(e.clusterId(), e.clusterId()),
                e.area(), text, detail, e.subject(), link, actor);
    }

}
