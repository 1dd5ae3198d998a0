package ua.clusterflow.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A joint export action of a cluster: what kind, for which markets (country codes), when and where, what the cluster
 * and each participant pay (UAH), how many places and how few participants make it worth holding, until when members
 * apply, and the rule the participants are selected by.
 */
public record ExportAction(long id, String reference, String clusterId, Kind kind, String title, List<String> markets,
                           LocalDate startsOn, LocalDate endsOn, String place, BigDecimal clusterCost,
                           BigDecimal participantFee, int places, int minParticipants, LocalDate joinDeadline,
                           String selectionRule, Status status, String announcedBy, Instant announcedAt) {

    /** The kinds of action the seeds' export marketing service runs. */
    public enum Kind { TRADE_FAIR, MISSION, BUYERS_VISIT, B2B, CATALOGUE }

    /** Where the action stands. */
    public enum Status {
        /** Announced, waiting for the board's approval. */
        AWAITING_BOARD,
        /** Open for applications until its deadline. */
        OPEN,
        /** The deadline passed: the coordinator selects, or decides what to do with too few applicants. */
        SELECTING,
        SELECTED,
        NOT_APPROVED,
        CANCELLED
    }

    /** Members apply while the call is open. */
    public boolean open() {
        return status == Status.OPEN;
    }
}
