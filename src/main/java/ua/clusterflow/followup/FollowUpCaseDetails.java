package ua.clusterflow.followup;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.Formats;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.MemberDirectory;
import ua.clusterflow.tasklist.CaseDetails;

/** A follow-up on its case page and its owner's task: the action, its owner, when it is due, what was done. */
@Component
public class FollowUpCaseDetails implements CaseDetails {

    private final FollowUpRepository followUps;
    private final ClusterDirectory directory;
    private final Formats formats;
    private final MemberDirectory members;

    public FollowUpCaseDetails(FollowUpRepository followUps, ClusterDirectory directory, Formats formats,
                               MemberDirectory members) {
        this.members = members;
        this.followUps = followUps;
        this.directory = directory;
        this.formats = formats;
    }

    @Override
    public boolean supports(String processKey) {
        return FollowUpCases.PROCESS_KEY.equals(processKey);
    }

    @Override
    public Map<String, String> details(String businessKey) {
        Map<String, String> facts = new LinkedHashMap<>();
        followUps.byBusinessKey(businessKey).ifPresent(f -> {
            facts.put("followup.action", f.action());
            facts.put("followup.source", f.sourceKind().equals(FollowUp.INTRODUCTION)
                    ? members.introduction(Long.parseLong(f.sourceRef())).map(MemberDirectory.Introduction::title)
                            .orElse(f.sourceRef())
                    : f.sourceRef());
            facts.put("followup.owner", directory.displayName(f.owner()));
            facts.put("followup.dueOn", formats.date(f.dueOn()));
            if (f.outcome() != null) {
                facts.put("followup.outcome", f.outcome());
            }
        });
        return facts;
    }
}
