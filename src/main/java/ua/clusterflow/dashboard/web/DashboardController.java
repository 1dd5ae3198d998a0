package ua.clusterflow.dashboard.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.dashboard.DashboardService;
import ua.clusterflow.system.CurrentUser;

/** The cluster's dashboard, for its coordinators and board. */
@Controller
public class DashboardController {

    private final DashboardService dashboards;
    private final ClusterDirectory directory;

    public DashboardController(DashboardService dashboards, ClusterDirectory directory) {
        this.dashboards = dashboards;
        this.directory = directory;
    }

    @GetMapping("/dashboard")
    public String dashboard(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String cluster,
                            Model model) {
        List<String> staffClusters = user.clusterIds().stream().filter(user::worksCasesOf).toList();
        if (staffClusters.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        String clusterId = cluster != null && staffClusters.contains(cluster) ? cluster : staffClusters.get(0);
        model.addAttribute("dashboard", dashboards.forCluster(clusterId));
        model.addAttribute("clusters", directory.clusters().stream().filter(c -> staffClusters.contains(c.id())).toList());
        return "dashboard/dashboard";
    }
}
