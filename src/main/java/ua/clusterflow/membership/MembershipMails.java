package ua.clusterflow.membership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.Role;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.cluster.MemberOrganisationRepository;
import ua.clusterflow.cluster.OrganisationPerson;
import ua.clusterflow.cluster.OrganisationRole;
import ua.clusterflow.cluster.Person;
import ua.clusterflow.mail.MailOutbox;

/**
 * Who hears of a membership year and what the mail says: the billing contacts (the main contact where there is
 * none) of invoices and reminders, the main contact and the coordinators of notices, and the mails' common model.
 */
@Component
class MembershipMails {

    private final MemberOrganisationRepository organisations;
    private final ClusterDirectory directory;
    private final MailOutbox outbox;
    private final Memberships memberships;

    MembershipMails(MemberOrganisationRepository organisations, ClusterDirectory directory, MailOutbox outbox,
                    Memberships memberships) {
        this.organisations = organisations;
        this.directory = directory;
        this.outbox = outbox;
        this.memberships = memberships;
    }

    List<Person> billingContacts(MemberOrganisation org) {
        List<OrganisationPerson> people = organisations.people(org.id());
        List<Person> billing = new ArrayList<>();
        people.stream().filter(p -> p.role() == OrganisationRole.BILLING)
                .forEach(p -> directory.person(p.userId()).ifPresent(billing::add));
        if (billing.isEmpty()) {
            people.stream().filter(p -> p.role() == OrganisationRole.MAIN)
                    .forEach(p -> directory.person(p.userId()).ifPresent(billing::add));
        }
        return billing;
    }

    List<Person> mainAndCoordinators(MemberOrganisation org) {
        Map<String, Person> people = new LinkedHashMap<>();
        organisations.people(org.id()).stream().filter(p -> p.role() == OrganisationRole.MAIN)
                .forEach(p -> directory.person(p.userId()).ifPresent(person -> people.put(person.id(), person)));
        directory.peopleWithRole(org.clusterId(), Role.COORDINATOR).forEach(p -> people.putIfAbsent(p.id(), p));
        return List.copyOf(people.values());
    }

    void notifyBilling(MemberOrganisation org, LocalDate yearFrom, String kind) {
        notifyBilling(org, yearFrom, kind, null);
    }

    /** As above, with a file attached (the year's invoice to a reminder); none when null. */
    void notifyBilling(MemberOrganisation org, LocalDate yearFrom, String kind, MailOutbox.Attachment attachment) {
        Map<String, Object> model = notice(org, yearFrom, kind);
        Map<String, Person> recipients = new LinkedHashMap<>();
        billingContacts(org).forEach(p -> recipients.put(p.id(), p));
        organisations.people(org.id()).stream().filter(p -> p.role() == OrganisationRole.MAIN)
                .forEach(p -> directory.person(p.userId()).ifPresent(person -> recipients.putIfAbsent(person.id(), person)));
        for (Person person : recipients.values()) {
            outbox.queue(person, "membership-notice", model, MembershipService.businessKey(org.id(), yearFrom),
                    attachment);
        }
    }

    Map<String, Object> notice(MemberOrganisation org, LocalDate yearFrom, String kind) {
        Map<String, Object> model = model(org, yearFrom);
        model.put("kind", kind);
        model.put("subjectKey", "mail.membership." + kind + ".subject");
        if (yearFrom != null) {
            memberships.dues(org.id(), yearFrom).ifPresent(d -> model.put("dues", d));
        }
        return model;
    }

    Map<String, Object> model(MemberOrganisation org, LocalDate yearFrom) {
        Map<String, Object> model = new HashMap<>();
        model.put("organisation", org);
        model.put("clusterName", directory.clusterName(org.clusterId()));
        model.put("subjectArg", org.name());
        model.put("yearFrom", yearFrom);
        model.put("link", outbox.link("/members/" + org.id()));
        return model;
    }

    /** What the payment order says, so that the coordinator can match the payment to the member and the year. */
    static String paymentPurpose(MemberOrganisation org, LocalDate yearFrom) {
        return "Членський внесок за " + yearFrom.getYear() + "/" + (yearFrom.getYear() + 1) + " р., " + org.name()
                + ", ЄДРПОУ " + org.edrpou();
    }
}
