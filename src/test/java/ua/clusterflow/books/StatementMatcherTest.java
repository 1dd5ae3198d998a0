package ua.clusterflow.books;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ua.clusterflow.books.StatementMatcher.Effect;
import ua.clusterflow.books.StatementMatcher.Kind;
import ua.clusterflow.books.StatementMatcher.Match;
import ua.clusterflow.cluster.Invoices.Invoice;

/** The dry run's rules, line by line: by number, by code and amount, ambiguous, unknown, refused, booked before. */
class StatementMatcherTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    final Invoice seven = invoice(1, 7, "14360570", "12000.00");
    final Invoice eight = invoice(2, 8, "32855961", "6000.00");
    final Invoice nine = invoice(3, 9, "32855961", "6000.00");
    final Invoice ten = invoice(4, 10, "00032129", "24000.00");

    @Test
    void theNumberInThePurposeComesFirstThenTheCodeAndTheAmount() {
        List<Match> matches = match(
                line(1, "12000.00", "14360570", "Членський внесок згідно рах. № 7/2026, без ПДВ"),
                line(2, "24000.00", "00032129", "Членський внесок за 2027 рік"),
                line(3, "6000.00", "32855961", "Внесок"),
                line(4, "500.00", "11111118", "Благодійна допомога"));
        assertThat(matches).extracting(Match::kind)
                .containsExactly(Kind.BY_NUMBER, Kind.BY_CODE, Kind.AMBIGUOUS, Kind.UNKNOWN);
        assertThat(matches.get(0).invoice()).isEqualTo(seven);
        assertThat(matches.get(1).invoice()).isEqualTo(ten);
        assertThat(matches.get(2).candidates()).containsExactly(eight, nine);
        assertThat(matches.get(0).effect()).isEqualTo(Effect.PAID);
    }

    @Test
    void aPurposeNamingAnInvoiceOfAnotherYearOrTwoInvoicesIsNotTakenForEither() {
        List<Match> matches = match(line(1, "12000.00", null, "рах. 7/2025"),
                line(2, "18000.00", null, "рахунки 8/2026 та 9/2026"));
        assertThat(matches).extracting(Match::kind).containsExactly(Kind.UNKNOWN, Kind.UNKNOWN);
    }

    @Test
    void partOfTheAmountThenTheRestPayTheInvoiceAndMoreIsOverpaid() {
        List<Match> matches = match(line(1, "5000.00", "14360570", "Частина внеску, рах. 7/2026"),
                line(2, "7000.00", "14360570", "Решта внеску, рах. 7/2026"),
                line(3, "25000.00", "00032129", "Внесок"));
        assertThat(matches).extracting(Match::effect).containsExactly(Effect.PARTIAL, Effect.PAID, Effect.OVERPAID);
        assertThat(matches.get(2).kind()).as("the payer's one open invoice, another amount").isEqualTo(Kind.BY_CODE);
    }

    @Test
    void aForeignCurrencyADebitADayToComeAndALineBookedBeforeAreNotBooked() {
        StatementLine euros = new StatementLine(1, DAY, new BigDecimal("300.00"), "EUR", "Partner GmbH", null,
                "Invoice 7/2026", null, null);
        StatementLine debit = line(2, "-120.00", null, "Комісія банку");
        StatementLine tomorrow = new StatementLine(3, TODAY.plusDays(1), new BigDecimal("12000.00"), "UAH", "ТОВ",
                "14360570", "рах. 7/2026", null, null);
        StatementLine again = line(4, "24000.00", "00032129", "Внесок");
        String bookedBefore = again.key(1);
        List<Match> matches = StatementMatcher.match(List.of(euros, debit, tomorrow, again),
                List.of(seven, eight, nine, ten), Set.of(bookedBefore), TODAY);
        assertThat(matches).extracting(Match::kind)
                .containsExactly(Kind.REFUSED, Kind.REFUSED, Kind.REFUSED, Kind.DUPLICATE);
        assertThat(matches).extracting(Match::problem).containsExactly("books.line.currency", "books.line.debit",
                "books.line.future", "books.line.duplicate");
        assertThat(matches).noneMatch(Match::bookable);
    }

    @Test
    void twoLikePaymentsInOneStatementAreTwoLinesAndALineIsTheSameInTheNextStatement() {
        StatementLine first = line(1, "6000.00", "32855961", "Внесок");
        StatementLine second = line(2, "6000.00", "32855961", "Внесок");
        List<Match> matches = match(first, second);
        assertThat(matches.get(0).key()).isNotEqualTo(matches.get(1).key());
        StatementLine sameInNextStatement = line(9, "6000.00", "32855961", "Внесок");
        assertThat(match(sameInNextStatement).get(0).key()).isEqualTo(matches.get(0).key());
        StatementLine withReference = new StatementLine(1, DAY, new BigDecimal("6000.00"), "UAH", "ТОВ", "32855961",
                "Внесок", "REF-1", null);
        assertThat(withReference.key(1)).isEqualTo(withReference.key(2)).as("the bank's reference alone");
    }

    private List<Match> match(StatementLine... lines) {
        return StatementMatcher.match(List.of(lines), List.of(seven, eight, nine, ten), Set.of(), TODAY);
    }

    private static StatementLine line(int position, String amount, String code, String purpose) {
        return new StatementLine(position, DAY, new BigDecimal(amount), "UAH", "ТОВ «Платник»", code, purpose, null,
                null);
    }

    private static Invoice invoice(long id, int number, String code, String amount) {
        return new Invoice(id, "kharkiv", 2026, number, "MR-" + id, id, "ТОВ «" + id + "»", code, "Внесок",
                new BigDecimal(amount), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), "uk", false, null,
                BigDecimal.ZERO);
    }
}
