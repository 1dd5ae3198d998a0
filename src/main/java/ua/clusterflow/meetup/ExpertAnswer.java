package ua.clusterflow.meetup;

import java.util.Locale;

/** An expert's answer to the invitation; none while they have not answered. Stored in lower case. */
public enum ExpertAnswer {
    ACCEPTED, DECLINED;

    /** As the register stores it: accepted, declined. */
    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The answer a register's cell holds; null for none. */
    public static ExpertAnswer of(String stored) {
        return stored == null ? null : valueOf(stored.toUpperCase(Locale.ROOT));
    }
}
