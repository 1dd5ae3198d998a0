package ua.clusterflow.meetup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.Formats;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.tasklist.CaseDetails;

/**
 * A meetup on its case page and task pages: topic, plan with its places and budget (whoever approves it sees what it
 * costs), experts' answers so far, registrations, outcome; every word in the reader's language.
 */
@Component
public class MeetupCaseDetails implements CaseDetails {

    private final MeetupRepository meetups;
    private final MessageSource messages;
    private final Formats formats;
    private final ClusterDirectory directory;
    private final MemberOrganisationRepository organisations;

    public MeetupCaseDetails(MeetupRepository meetups, MessageSource messages, Formats formats,
                             ClusterDirectory directory, MemberOrganisationRepository organisations) {
        this.directory = directory;
        this.organisations = organisations;
        this.meetups = meetups;
        this.messages = messages;
        this.formats = formats;
    }

    @Override
    public boolean supports(String processKey) {
        return MeetupCases.PROCESS_KEY.equals(processKey);
    }

    @Override
    public Map<String, String> details(String businessKey) {
        Map<String, String> facts = new LinkedHashMap<>();
        meetups.byReference(businessKey).ifPresent(m -> {
            facts.put("meetup.segment", m.segment());
            facts.put("meetup.challenge", m.challenge());
            facts.put("meetup.format", text("meetup.format." + m.format(), m.format()));
            facts.put("meetup.when", m.when());
            if (m.venue() != null || m.onlineLink() != null) {
                facts.put("meetup.where", String.join(" · ", m.venue() == null ? "" : m.venue(),
                        m.onlineLink() == null ? "" : m.onlineLink()));
            }
            if (m.startsAt() != null) {
                facts.put("meetup.capacity", m.modes().stream()
                        .map(mode -> text("meetup.mode." + mode, mode) + ": " + m.capacity(mode))
                        .collect(Collectors.joining(" · ")));
                facts.put("meetup.budget", formats.money(m.budget(), "UAH"));
            }
            var experts = meetups.experts(m.id());
            if (!experts.isEmpty()) {
                facts.put("meetup.experts", experts.stream()
                        .map(e -> "№" + e.round() + " " + e.name() + " ("
                                + text("meetup.category." + e.category(), e.category()) + "): "
                                + (e.answer() == null ? "…" : text("meetup.expert.answer." + e.answer().stored(), e.answer().stored())))
                        .collect(Collectors.joining("\n")));
            }
            if (m.status() == MeetupStatus.PLANNED || m.status() == MeetupStatus.EXPERTS_INVITED) {
                offerExperts(m, facts);
            }
            var registrations = meetups.registrations(m.id());
            if (!registrations.isEmpty()) {
                facts.put("meetup.registrations", m.modes().stream().map(mode -> text("meetup.mode." + mode, mode)
                        + ": " + meetups.countRegistrations(m.id(), mode, RegistrationStatus.CONFIRMED) + " / " + m.capacity(mode) + " + "
                        + meetups.countRegistrations(m.id(), mode, RegistrationStatus.WAITING)).collect(Collectors.joining("\n")));
            }
            int checkedIn = meetups.countCheckedIn(m.id());
            if (checkedIn > 0) {
                facts.put("meetup.checkedIn", String.valueOf(checkedIn));
            }
            if (m.summary() != null) {
                facts.put("meetup.summary", m.summary());
            }
            if (m.followUps() != null && !m.followUps().isBlank()) {
                facts.put("meetup.followUps", m.followUps());
            }
        });
        return facts;
    }

    /**
     * While experts are chosen: those who took part in the cluster's earlier meetups (the same topic first) with the
     * meetups they took part in, and the technical experts the members name, each with their address to copy.
     */
    private void offerExperts(Meetup m, Map<String, String> facts) {
        var past = meetups.pastExperts(m.clusterId(), m.id(), m.segment(), null);
        if (!past.isEmpty()) {
            facts.put("meetup.expertsOffered", past.stream()
                    .map(e -> e.name() + " <" + e.email() + "> · " + text("meetup.category." + e.category(), e.category())
                            + (e.sameSegment() ? " · " + text("meetup.expertsOffered.sameSegment", "") : "") + "\n    "
                            + text("meetup.expertsOffered.tookPart", "") + ": " + String.join("; ", e.meetups()))
                    .collect(Collectors.joining("\n")));
        }
        var members = organisations.expertsOf(m.clusterId());
        if (!members.isEmpty()) {
            facts.put("meetup.memberExperts", members.stream()
                    .map(e -> directory.person(e.userId()).map(p -> p.displayName() + " <" + p.email() + "> · "
                            + e.organisationName() + " · " + text("form.member-onboarding-application.category." + e.category(), e.category()))
                            .orElse(null))
                    .filter(Objects::nonNull).collect(Collectors.joining("\n")));
        }
    }

    /** The follow-up actions the coordinator recorded with the outcome, one a line, without list marks. */
    @Override
    public List<String> agreedActions(String businessKey) {
        return meetups.byReference(businessKey).map(Meetup::followUps).filter(text -> !text.isBlank())
                .map(text -> text.lines().map(line -> line.replaceFirst("^\\s*(?:[-•*–]|\\d+[.)])\\s*", "").strip())
                        .filter(line -> !line.isEmpty()).toList())
                .orElse(List.of());
    }

    private String text(String code, String fallback) {
        return messages.getMessage(code, null, fallback, LocaleContextHolder.getLocale());
    }
}
