package ua.clusterflow.dashboard;

import java.time.Instant;
import java.util.List;

/** The quarterly report for donors and the board: the dashboard's figures and the lists behind the quarter's. */
public record QuarterlyReport(Dashboard dashboard, Quarter quarter, Instant generatedAt, List<CaseLine> supportedGrants,
                              List<CaseLine> reportedMeetups, List<ClusterRecords.ExportActivity> exports,
                              List<Introduction> introductions, List<ClusterRecords.PlanItem> planItems) {

    /** A case the quarter's service count includes. */
    public record CaseLine(String businessKey, String title, Instant at) {
    }

    /** Two members a coordinator introduced: a need and the offer that matched it. */
    public record Introduction(String need, String offer, Instant at) {
    }
}
