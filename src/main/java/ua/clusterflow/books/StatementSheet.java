package ua.clusterflow.books;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ua.clusterflow.base.SheetReader;

/**
 * A bank's statement exported as CSV or XLSX: a header row and a row per payment, in the columns the bank chose. Which
 * column holds which field is guessed from the header's words (as Ukrainian banks' exports name them: "Дата
 * операції", "Сума", "Валюта", "Найменування контрагента", "ЄДРПОУ контрагента", "Призначення платежу") and confirmed
 * by the coordinator. Amounts are read with a comma or a point as the decimal mark and spaces between thousands.
 */
public final class StatementSheet {

    /** The fields of a line, in the order the columns page shows them. */
    public static final List<String> FIELDS = List.of("date", "amount", "currency", "payerName", "payerCode", "purpose",
            "reference");
    /** The fields a statement must have a column for. */
    public static final List<String> REQUIRED = List.of("date", "amount", "purpose");
    static final int MAX_LINES = 20_000;

    private static final Map<String, List<String>> WORDS = new LinkedHashMap<>();

    static {
        // the fields tried in this order: the payer's code before the payer's name ("Код контрагента")
        WORDS.put("purpose", List.of("призначення", "purpose", "details", "опис"));
        WORDS.put("currency", List.of("валюта", "currency", "ccy"));
        WORDS.put("payerCode", List.of("єдрпоу", "edrpou", "іпн", "код", "code", "tax id"));
        WORDS.put("date", List.of("дата", "date"));
        WORDS.put("amount", List.of("сума", "amount", "кредит", "credit", "надходження"));
        WORDS.put("reference", List.of("номер документа", "№ документа", "№ док", "reference", "документ"));
        WORDS.put("payerName", List.of("контрагент", "кореспондент", "платник", "payer", "counterparty", "назва",
                "найменування", "name"));
    }

    /** The header row and the rows under it. */
    public record Table(List<String> header, List<List<String>> rows) {
    }

    private StatementSheet() {
    }

    /** The table under the first row (of the first fifteen) whose cells name the date, the amount and the purpose. */
    public static Table read(byte[] content, boolean xlsx) throws StatementProblem {
        List<List<String>> cells;
        try {
            cells = xlsx ? SheetReader.firstSheet(content, MAX_LINES, 40) : SheetReader.csv(content, MAX_LINES);
        } catch (SheetReader.Unreadable e) {
            throw new StatementProblem("books.error.unreadable");
        }
        for (int r = 0; r < Math.min(cells.size(), 15); r++) {
            if (guess(cells.get(r)).keySet().containsAll(REQUIRED)) {
                List<String> header = cells.get(r).stream().map(c -> c == null ? "" : c.strip()).toList();
                return new Table(header, cells.subList(r + 1, cells.size()));
            }
        }
        throw new StatementProblem("books.error.noHeader");
    }

    /** Which column holds which field, by the header's words: each field one column, each column one field. */
    public static Map<String, Integer> guess(List<String> header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> field : WORDS.entrySet()) {
            for (int c = 0; c < header.size() && !columns.containsKey(field.getKey()); c++) {
                String cell = header.get(c) == null ? "" : header.get(c).toLowerCase(Locale.ROOT).strip();
                if (columns.containsValue(c) || cell.isEmpty()) {
                    continue;
                }
                for (String word : field.getValue()) {
                    if (cell.contains(word) && !(field.getKey().equals("amount") && cell.contains("дебет"))) {
                        columns.put(field.getKey(), c);
                        break;
                    }
                }
            }
        }
        return columns;
    }

    /** The table's rows as lines, by the columns given; a row with no cell filled is skipped. */
    public static List<StatementLine> lines(Table table, Map<String, Integer> columns) {
        List<StatementLine> lines = new ArrayList<>();
        for (List<String> row : table.rows()) {
            if (row.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            String unreadable = null;
            LocalDate day = date(cell(row, columns.get("date")));
            if (day == null) {
                unreadable = "date";
            }
            BigDecimal amount = amount(cell(row, columns.get("amount")));
            if (amount == null) {
                unreadable = unreadable == null ? "amount" : unreadable;
            }
            String currency = cell(row, columns.get("currency"));
            lines.add(new StatementLine(lines.size() + 1, day, amount,
                    currency == null ? "UAH" : currency.toUpperCase(Locale.ROOT), cell(row, columns.get("payerName")),
                    cell(row, columns.get("payerCode")), cell(row, columns.get("purpose")),
                    cell(row, columns.get("reference")), unreadable));
        }
        return lines;
    }

    /** An amount as banks write it: 1 200,50 or 1200.50 or 1,200.50 or 1.200,50; null when it is none of these. */
    static BigDecimal amount(String typed) {
        if (typed == null) {
            return null;
        }
        String s = typed.replaceAll("[\\s\u00a0\u202f']", "").replace("UAH", "").replace("грн", "");
        int comma = s.lastIndexOf(',');
        int point = s.lastIndexOf('.');
        if (comma >= 0 && point >= 0) {
            s = comma > point ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            s = s.replace(',', '.');
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static LocalDate date(String typed) {
        return SheetReader.day(typed);
    }

    private static String cell(List<String> row, Integer column) {
        if (column == null || column >= row.size() || row.get(column) == null || row.get(column).isBlank()) {
            return null;
        }
        return row.get(column).strip();
    }
}
