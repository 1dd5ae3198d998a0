package ua.clusterflow.meetup;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.SignedLinks;

/** Guests' registrations for a meetup: places per attendance mode, the waiting list, and cancellations. */
@Service
public class MeetupRegistrations {

    /** What became of a registration: confirmed, on the waiting list, or refused with a message key. */
    public record RegistrationResult(RegistrationStatus status, String problem, Long registrationId) {
        public boolean accepted() {
            return problem == null;
        }
    }

    private final MeetupRepository meetups;
    private final MeetupMails mails;
    private final SignedLinks links;

    public MeetupRegistrations(MeetupRepository meetups, MeetupMails mails, SignedLinks links) {
        this.meetups = meetups;
        this.mails = mails;
        this.links = links;
    }

    /**
     * A guest's registration. The meetup row is locked while counting, so concurrent registrations
     * queue: exactly as many are confirmed per mode as there are places, the rest wait in order.
     */
    @Transactional
    public RegistrationResult register(String reference, String name, String organisation, String email, String mode,
                                       String language) {
        Meetup meetup = meetups.lock(meetups.byReference(reference).orElseThrow().id());
        if (meetup.status() == MeetupStatus.CANCELLED) {
            return new RegistrationResult(null, "meetup.error.cancelled", null);
        }
        if (meetup.status() != MeetupStatus.OPEN || !meetup.startsAt().isAfter(AppClock.now())) {
            return new RegistrationResult(null, "meetup.error.closed", null);
        }
        if (!meetup.modes().contains(mode)) {
            return new RegistrationResult(null, "error.option", null);
        }
        if (meetups.registered(meetup.id(), email)) {
            return new RegistrationResult(null, "meetup.error.duplicate", null);
        }
        boolean place = meetups.countRegistrations(meetup.id(), mode, RegistrationStatus.CONFIRMED) < meetup.capacity(mode);
        RegistrationStatus status = place ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITING;
        long id = meetups.register(meetup.id(), name, organisation, email, mode, status, language);
        // the address and the name were typed in the public form: the name is not repeated to the address
        mails.send(meetup, MeetupMails.Notice.to(email, language, null, place ? "registered" : "waiting")
                .attaching(place ? mails.calendarEntry(meetup, mode) : null).forGuest(id, mode));
        return new RegistrationResult(status, null, id);
    }

    /**
     * The guests who hold a place or wait for one, in the order they registered; with a search, those whose name,
     * organisation or address holds it, as the coordinator at the door types part of what the guest says.
     */
    public List<MeetupRepository.Registration> attendees(long meetupId, String search) {
        String wanted = search == null ? "" : search.trim().toLowerCase(Locale.ROOT);
        return meetups.registrations(meetupId).stream().filter(r -> !r.cancelled())
                .filter(r -> wanted.isEmpty() || Stream.of(r.name(), r.organisation(), r.email())
                        .anyMatch(text -> text != null && text.toLowerCase(Locale.ROOT).contains(wanted)))
                .toList();
    }

    /** What a tap on a guest's row at the door did. */
    public enum CheckIn { CHECKED_IN, ALREADY, TOO_EARLY }

    /** Checks a confirmed guest in at the door, from the day before the meetup on (Kyiv time). */
    @Transactional
    public CheckIn checkIn(long meetupId, long registrationId, String userId) {
        if (!doorOpen(meetups.get(meetupId))) {
            return CheckIn.TOO_EARLY;
        }
        return meetups.checkIn(meetupId, registrationId, userId) ? CheckIn.CHECKED_IN : CheckIn.ALREADY;
    }

    /** Whether guests may be checked in: from the day before the meetup's day on. */
    public static boolean doorOpen(Meetup meetup) {
        return meetup.startsAt() != null && !AppClock.today().isBefore(doorOpensOn(meetup));
    }

    public static LocalDate doorOpensOn(Meetup meetup) {
        return meetup.startsAt().atZone(AppClock.KYIV).toLocalDate().minusDays(1);
    }

    public String registrationToken(long registrationId) {
        return links.sign(MeetupService.REGISTRATION_LINK, String.valueOf(registrationId),
                MeetupService.REGISTRATION_LINK_VALIDITY);
    }

    /** A guest cancels through their link; the first waiting in the same mode takes the place. */
    @Transactional
    public boolean cancelRegistration(long registrationId) {
        Meetup meetup = meetups.lock(meetups.registration(registrationId).orElseThrow().meetupId());
        // read again under the meetup's lock: a second click on the same link must not free a second place
        MeetupRepository.Registration registration = meetups.registration(registrationId).orElseThrow();
        if (registration.cancelled()) {
            return false;
        }
        meetups.setRegistrationStatus(registrationId, RegistrationStatus.CANCELLED);
        boolean hadPlace = registration.confirmed();
        mails.send(meetup, MeetupMails.Notice.to(registration.email(), registration.language(), registration.name(),
                        "registration-cancelled")
                .attaching(hadPlace ? mails.calendarCancellation(meetup, registration.mode()) : null)
                .inMode(registration.mode()));
        if (hadPlace) {
            meetups.firstWaiting(meetup.id(), registration.mode()).ifPresent(next -> {
                meetups.setRegistrationStatus(next.id(), RegistrationStatus.CONFIRMED);
                mails.send(meetup, MeetupMails.Notice.to(next.email(), next.language(), next.name(), "promoted")
                        .attaching(mails.calendarEntry(meetup, next.mode())).forGuest(next.id(), next.mode()));
            });
        }
        return true;
    }
}
