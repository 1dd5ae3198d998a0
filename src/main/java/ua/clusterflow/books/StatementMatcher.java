package ua.clusterflow.books;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ua.clusterflow.cluster.Invoices.Invoice;

/**
 * Which open invoice each credit of a statement pays: the one whose number ("7/2027") its purpose names, else the one
 * open invoice of the payer's code for that amount; several such, ambiguous; none, unknown. A line in a currency other
 * than the hryvnia, a debit, a day to come or a line booked before (in this statement or an earlier one) is not
 * matched and says why. Each line's amount is set against what its invoice still waits for, the lines before it in
 * the statement counted: paid, partly paid or overpaid.
 */
public final class StatementMatcher {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\d/])(\\d{1,6})\\s*/\\s*(\\d{4})(?![\\d/])");

    /** How a line was matched, or why not. */
    public enum Kind { BY_NUMBER, BY_CODE, AMBIGUOUS, UNKNOWN, REFUSED, DUPLICATE }

    /** What a payment does to its invoice. */
    public enum Effect { PAID, PARTIAL, OVERPAID }

    /**
     * A line and what the dry run makes of it: its key, how it matched, its invoice (when one), the invoices it may
     * pay (when ambiguous), the effect on the invoice, and why it is not booked (a message key) when it is not.
     */
    public record Match(StatementLine line, String key, Kind kind, Invoice invoice, List<Invoice> candidates,
                        Effect effect, String problem) {

        public boolean bookable() {
            return kind == Kind.BY_NUMBER || kind == Kind.BY_CODE || kind == Kind.AMBIGUOUS;
        }
    }

    private StatementMatcher() {
    }

    /**
     * @param open the cluster's open invoices
     * @param booked the keys of the lines booked before
     */
    public static List<Match> match(List<StatementLine> lines, List<Invoice> open, Set<String> booked,
                                    LocalDate today) {
        Map<String, Invoice> byNumber = new HashMap<>();
        Map<String, List<Invoice>> byCode = new HashMap<>();
        Map<Long, BigDecimal> outstanding = new HashMap<>();
        for (Invoice invoice : open) {
            byNumber.put(invoice.printed(), invoice);
            byCode.computeIfAbsent(invoice.payerCode(), c -> new ArrayList<>()).add(invoice);
            outstanding.put(invoice.id(), invoice.outstanding());
        }
        Map<String, Integer> occurrences = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<Match> matches = new ArrayList<>();
        for (StatementLine line : lines) {
            String identity = line.bookedOn() + "|" + line.amount() + "|" + line.payerCode() + "|" + line.purpose();
            String key = line.key(occurrences.merge(identity, 1, Integer::sum));
            String problem = problem(line, today);
            if (problem != null) {
                matches.add(new Match(line, key, Kind.REFUSED, null, List.of(), null, problem));
                continue;
            }
            if (booked.contains(key) || !seen.add(key)) {
                matches.add(new Match(line, key, Kind.DUPLICATE, null, List.of(), null, "books.line.duplicate"));
                continue;
            }
            Invoice named = named(line.purpose(), byNumber);
            if (named != null) {
                matches.add(new Match(line, key, Kind.BY_NUMBER, named, List.of(named),
                        effect(line.amount(), named, outstanding), null));
                continue;
            }
            List<Invoice> ofPayer = line.payerCode() == null ? List.of()
                    : byCode.getOrDefault(line.payerCode().strip(), List.of());
            List<Invoice> sameAmount = ofPayer.stream()
                    .filter(i -> outstanding.get(i.id()).compareTo(line.amount()) == 0).toList();
            List<Invoice> candidates = sameAmount.isEmpty() ? ofPayer : sameAmount;
            if (candidates.size() == 1) {
                Invoice invoice = candidates.get(0);
                matches.add(new Match(line, key, Kind.BY_CODE, invoice, candidates,
                        effect(line.amount(), invoice, outstanding), null));
            } else if (candidates.size() > 1) {
                matches.add(new Match(line, key, Kind.AMBIGUOUS, null, candidates, null, null));
            } else {
                matches.add(new Match(line, key, Kind.UNKNOWN, null, List.of(), null, null));
            }
        }
        return matches;
    }

    /** What a line's payment does to the invoice chosen for it, by what the invoice still waits for. */
    public static Effect effect(BigDecimal amount, Invoice invoice, Map<Long, BigDecimal> outstanding) {
        BigDecimal left = outstanding.getOrDefault(invoice.id(), invoice.outstanding());
        outstanding.put(invoice.id(), left.subtract(amount).max(BigDecimal.ZERO));
        int compared = amount.compareTo(left);
        return compared == 0 ? Effect.PAID : compared < 0 ? Effect.PARTIAL : Effect.OVERPAID;
    }

    private static String problem(StatementLine line, LocalDate today) {
        if (line.unreadable() != null) {
            return "books.line.unreadable." + line.unreadable();
        }
        if (line.amount().signum() <= 0) {
            return "books.line.debit";
        }
        if (line.currency() != null && !line.currency().isBlank() && !"UAH".equalsIgnoreCase(line.currency())
                && !"980".equals(line.currency())) {
            return "books.line.currency";
        }
        if (line.bookedOn().isAfter(today)) {
            return "books.line.future";
        }
        return null;
    }

    private static Invoice named(String purpose, Map<String, Invoice> byNumber) {
        if (purpose == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(purpose);
        Invoice found = null;
        while (m.find()) {
            Invoice invoice = byNumber.get(Integer.parseInt(m.group(1)) + "/" + m.group(2));
            if (invoice != null) {
                if (found != null && found.id() != invoice.id()) {
                    // a purpose naming two open invoices pays neither by its number
                    return null;
                }
                found = invoice;
            }
        }
        return found;
    }
}
