package ua.clusterflow.meetup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import ua.clusterflow.meetup.process.MeetupProcess;
import ua.clusterflow.tasklist.CaseDetails;

/** A meetup on its case page and task pages: topic, plan, experts' answers so far, registrations, outcome. */
@Component
public class MeetupCaseDetails implements CaseDetails {

    private final MeetupRepository meetups;

    public MeetupCaseDetails(MeetupRepository meetups) {
        this.meetups = meetups;
    }

    @Override
    public boolean supports(String processKey) {
        return MeetupProcess.KEY.equals(processKey);
    }

    @Override
    public Map<String, String> details(String businessKey) {
        Map<String, String> facts = new LinkedHashMap<>();
        meetups.byReference(businessKey).ifPresent(m -> {
            facts.put("meetup.segment", m.segment());
            facts.put("meetup.challenge", m.challenge());
            facts.put("meetup.format", m.format());
            facts.put("meetup.when", MeetupService.formatWhen(m));
            if (m.venue() != null || m.onlineLink() != null) {
                facts.put("meetup.where", String.join(" · ", m.venue() == null ? "" : m.venue(),
                        m.onlineLink() == null ? "" : m.onlineLink()));
            }
            var experts = meetups.experts(m.id());
            if (!experts.isEmpty()) {
                facts.put("meetup.experts", experts.stream()
                        .map(e -> "№" + e.round() + " " + e.name() + " (" + e.category() + "): "
                                + (e.answer() == null ? "…" : e.answer()))
                        .collect(Collectors.joining("\n")));
            }
            var registrations = meetups.registrations(m.id());
            if (!registrations.isEmpty()) {
                facts.put("meetup.registrations", m.modes().stream().map(mode -> mode + ": "
                        + meetups.countRegistrations(m.id(), mode, "CONFIRMED") + " / " + m.capacity(mode) + " + "
                        + meetups.countRegistrations(m.id(), mode, "WAITING")).collect(Collectors.joining("\n")));
            }
            if (m.summary() != null) {
                facts.put("meetup.summary", m.summary());
            }
        });
        return facts;
    }
}
