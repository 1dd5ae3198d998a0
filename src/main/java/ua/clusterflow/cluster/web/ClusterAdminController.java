package ua.clusterflow.cluster.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.clusterflow.base.FieldErrors;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.Cluster;
import ua.clusterflow.cluster.ClusterAdminService.NewPerson;
import ua.clusterflow.cluster.ClusterAdminService;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Person;

/** For administrators: the clusters of the installation and the people in each, with their roles. */
@Controller
public class ClusterAdminController {

    private final ClusterDirectory directory;
    private final ClusterAdminService admin;

    public ClusterAdminController(ClusterDirectory directory, ClusterAdminService admin) {
        this.directory = directory;
        this.admin = admin;
    }

    @GetMapping("/admin/clusters")
    public String initClusterForm(Model model) {
        return clusters(model, new FieldErrors(), Map.of());
    }

    @PostMapping("/admin/clusters")
    public String processClusterForm(@RequestParam(defaultValue = "") String id,
                                     @RequestParam(defaultValue = "") String name, Model model,
                                     HttpServletResponse response, RedirectAttributes redirect) {
        String clusterId = id.trim().toLowerCase();
        FieldErrors errors = admin.checkCluster(clusterId, name);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return clusters(model, errors, Map.of("id", id, "name", name));
        }
        admin.createCluster(clusterId, name);
        redirect.addFlashAttribute("message", "admin.cluster.created");
        return "redirect:/admin/clusters/" + clusterId;
    }

    @GetMapping("/admin/clusters/{clusterId}")
    public String initPersonForm(@PathVariable String clusterId, Model model) {
        return people(cluster(clusterId), model, new FieldErrors(), Map.of(), Set.of());
    }

    @PostMapping("/admin/clusters/{clusterId}/people")
    public String processPersonForm(@PathVariable String clusterId, @RequestParam(defaultValue = "") String userId,
                                    @RequestParam(defaultValue = "") String firstName,
                                    @RequestParam(defaultValue = "") String lastName,
                                    @RequestParam(defaultValue = "") String email,
                                    @RequestParam(defaultValue = "uk") String language,
                                    @RequestParam(required = false) List<String> roles, Model model,
                                    HttpServletResponse response, RedirectAttributes redirect) {
        Cluster cluster = cluster(clusterId);
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        if (roles != null) {
            roles.stream().filter(r -> Set.of("COORDINATOR", "BOARD", "CHAIR", "MEMBER").contains(r))
                    .forEach(r -> chosen.add(Role.valueOf(r)));
        }
        NewPerson person = new NewPerson(userId.trim().toLowerCase(), firstName, lastName, email, language, chosen);
        FieldErrors errors = admin.checkPerson(person);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("userId", userId);
            typed.put("firstName", firstName);
            typed.put("lastName", lastName);
            typed.put("email", email);
            typed.put("language", language);
            return people(cluster, model, errors, typed, chosen);
        }
        boolean created = admin.addPerson(cluster.id(), person);
        redirect.addFlashAttribute("message", created ? "admin.person.invited" : "admin.person.granted");
        return "redirect:/admin/clusters/" + cluster.id();
    }

    private String clusters(Model model, FieldErrors errors, Map<String, String> typed) {
        model.addAttribute("clusters", directory.clusters());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "cluster/clusters";
    }

    private String people(Cluster cluster, Model model, FieldErrors errors, Map<String, String> typed,
                          Set<Role> chosen) {
        Map<Person, Set<Role>> people = new LinkedHashMap<>();
        for (Person person : directory.peopleOfCluster(cluster.id())) {
            people.put(person, directory.rolesOf(person.id()).getOrDefault(cluster.id(), Set.of()));
        }
        model.addAttribute("cluster", cluster);
        model.addAttribute("people", people);
        model.addAttribute("roles", Role.values());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("chosen", chosen);
        return "cluster/people";
    }

    private Cluster cluster(String clusterId) {
        return directory.cluster(clusterId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
