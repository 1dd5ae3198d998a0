package ua.clusterflow.books;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ua.clusterflow.books.StatementFiles.Entry;

/** Statements read as banks write them: camt.053 by its elements, a CSV in Windows-1251 by its header's words. */
class StatementFormatsTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 3);
    final List<Entry> entries = List.of(
            Entry.credit(DAY, "12000.00", "ТОВ «Рахункова» & Ко", "14360570", "Внесок, рах. № 7/2026", "BANK-1"),
            new Entry(DAY, new BigDecimal("-45.50"), "UAH", "АТ «Банк»", null, "Комісія", "BANK-2"),
            new Entry(DAY, new BigDecimal("300.00"), "EUR", "Partner GmbH", null, "Invoice 7/2026", null));

    @Test
    void camt053IsReadByItsElements() throws Exception {
        byte[] file = StatementFiles.camt053(entries);
        assertThat(Camt053.is(file)).isTrue();
        List<StatementLine> lines = Camt053.read(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(new StatementLine(1, DAY, new BigDecimal("12000.00"), "UAH",
                "ТОВ «Рахункова» & Ко", "14360570", "Внесок, рах. № 7/2026", "BANK-1", null));
        assertThat(lines.get(1).amount()).as("a debit").isEqualByComparingTo("-45.50");
        assertThat(lines.get(2).currency()).isEqualTo("EUR");
    }

    @Test
    void aDocumentWithADtdIsRefused() {
        byte[] file = """
                <?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <Document><BkToCstmrStmt><Stmt><Ntry><Amt Ccy="UAH">&x;</Amt></Ntry></Stmt></BkToCstmrStmt></Document>"""
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Camt053.read(file)).isInstanceOf(StatementProblem.class);
    }

    @Test
    void aCsvInWindows1251WithSemicolonsAndDecimalCommasIsReadUnderItsHeader() throws Exception {
        StatementSheet.Table table = StatementSheet.read(StatementFiles.csv1251(entries), false);
        Map<String, Integer> columns = StatementSheet.guess(table.header());
        assertThat(columns).containsEntry("date", 0).containsEntry("reference", 1).containsEntry("amount", 2)
                .containsEntry("currency", 3).containsEntry("payerName", 4).containsEntry("payerCode", 5)
                .containsEntry("purpose", 6);
        List<StatementLine> lines = StatementSheet.lines(table, columns);
        assertThat(lines.get(0)).isEqualTo(new StatementLine(1, DAY, new BigDecimal("12000.00"), "UAH",
                "ТОВ «Рахункова» & Ко", "14360570", "Внесок, рах. № 7/2026", "BANK-1", null));
        assertThat(lines.get(1).amount()).isEqualByComparingTo("-45.50");
    }

    @Test
    void amountsAndDaysAsBanksWriteThem() {
        assertThat(StatementSheet.amount("1 200,50")).isEqualByComparingTo("1200.50");
        assertThat(StatementSheet.amount("1,200.50")).isEqualByComparingTo("1200.50");
        assertThat(StatementSheet.amount("1.200,50")).isEqualByComparingTo("1200.50");
        assertThat(StatementSheet.amount("12000")).isEqualByComparingTo("12000");
        assertThat(StatementSheet.amount("дванадцять")).isNull();
        assertThat(StatementSheet.date("03.12.2026 14:05")).isEqualTo(DAY);
        assertThat(StatementSheet.date("2026-12-03")).isEqualTo(DAY);
        assertThat(StatementSheet.date("03.12.26")).isEqualTo(DAY);
    }
}
