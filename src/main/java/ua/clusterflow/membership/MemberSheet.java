package ua.clusterflow.membership;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import ua.clusterflow.base.SheetReader;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ua.clusterflow.tasklist.FileTypes;

/**
 * The member register as a spreadsheet a cluster keeps: an XLSX or CSV file with a header row in Ukrainian or
 * English (columns in any order), read into rows of text; and the template to fill in, in either language.
 */
@Component
public class MemberSheet {

    /** The fields of a row, in the template's order. */
    public static final List<String> FIELDS = List.of("name", "edrpou", "category", "region", "headcount",
            "contactName", "contactEmail", "language", "joinedOn", "paidUntil");
    /** Where a row stood in the file (1 for the header), kept with its cells. */
    public static final String LINE = "line";

    /** The member categories of the application form and the fee table. */
    public static final List<String> CATEGORIES = List.of("sme", "large", "university", "research", "startup", "public",
            "other");
    /** The fields a register may leave out: then the contact is written to in Ukrainian, and no region is known. */
    public static final List<String> OPTIONAL = List.of("language", "region");
    /** The words of a header that name a field, in the order they are tried: the e-mail before the contact's name. */
    private static final Map<String, List<String>> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("contactEmail", List.of("e-mail", "email", "пошта", "пошти", "mail"));
        WORDS.put("contactName", List.of("піб", "контактна особа", "контактної особи", "контакт", "contact", "person",
                "прізвище", "керівник"));
        WORDS.put("edrpou", List.of("єдрпоу", "едрпоу", "edrpou", "usreou", "ідентифікаційний код", "код"));
        WORDS.put("name", List.of("назва", "найменування", "організац", "підприємств", "name", "organi", "company"));
        WORDS.put("category", List.of("категор", "тип", "category", "type"));
        WORDS.put("region", List.of("регіон", "область", "region", "oblast"));
        WORDS.put("headcount", List.of("працівник", "персонал", "штат", "employees", "headcount", "staff"));
        WORDS.put("language", List.of("мова", "language"));
        WORDS.put("joinedOn", List.of("вступ", "член з", "joined", "member since"));
        WORDS.put("paidUntil", List.of("сплачено", "оплачено", "paid"));
    }

    private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("uk"), Locale.ENGLISH);
    private static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    /** What makes a file unreadable as a whole, as a message key and what it names. */
    public static class Unreadable extends RuntimeException {
        private final String key;
        private final String arg;

        public Unreadable(String key, String arg) {
            super(key);
            this.key = key;
            this.arg = arg;
        }

        public String key() {
            return key;
        }

        public String arg() {
            return arg;
        }
    }

    private final MessageSource messages;
    private final Map<String, String> headers = new HashMap<>();
    private final Map<String, String> categories = new HashMap<>();

    public MemberSheet(MessageSource messages) {
        this.messages = messages;
        for (String field : FIELDS) {
            headers.put(normal(field), field);
            for (Locale locale : LANGUAGES) {
                headers.put(normal(header(field, locale)), field);
            }
        }
        for (String category : CATEGORIES) {
            categories.put(normal(category), category);
            for (Locale locale : LANGUAGES) {
                categories.put(normal(categoryName(category, locale)), category);
            }
        }
    }

    public String header(String field, Locale locale) {
        return messages.getMessage("members.import.column." + field, null, field, locale);
    }

    /** The category a cell names by its code or its name in either language; null when it names none. */
    public String category(String typed) {
        return typed == null ? null : categories.get(normal(typed));
    }

    public List<String> categoryNames() {
        return CATEGORIES.stream().map(c -> categoryName(c, Locale.forLanguageTag("uk"))).toList();
    }

    private String categoryName(String category, Locale locale) {
        return messages.getMessage("form.member-onboarding-application.category." + category, null, category, locale);
    }

    /** A day as people write it (01.09.2024, 1.9.2024, 2024-09-01, 01/09/2024), read as every sheet reads one. */
    public static LocalDate date(String typed) {
        return SheetReader.day(typed);
    }

    /**
     * A file's table from its header row on: the header's cells, the line the header stood on (1 for the first), and
     * the rows under it as read, blank rows included so that each keeps its line.
     */
    public record Table(List<String> header, int headerLine, List<List<String>> rows) {

        /** The first filled cell of a column, to show beside its header when the coordinator maps the columns. */
        public String example(int column) {
            return rows.stream().filter(r -> column < r.size() && r.get(column) != null && !r.get(column).isBlank())
                    .map(r -> r.get(column)).findFirst().orElse("");
        }
    }

    /** The table of an XLSX or CSV file under the first row (of the first ten) whose cells name at least two fields. */
    public Table read(String fileName, byte[] content) {
        if (content.length == 0) {
            throw new Unreadable("members.import.error.empty", null);
        }
        if (content.length > MAX_BYTES) {
            throw new Unreadable("error.file.size", "5");
        }
        String extension = FileTypes.extensionOf(FileTypes.safeName(fileName));
        List<List<String>> table;
        if ("xlsx".equals(FileTypes.detect(content)) && extension.equals("xlsx")) {
            table = xlsx(content);
        } else if (extension.equals("csv") && FileTypes.detect(content) == null) {
            table = csv(content);
        } else {
            throw new Unreadable("members.import.error.type", null);
        }
        for (int r = 0; r < Math.min(table.size(), 10); r++) {
            if (guess(table.get(r)).size() >= 2) {
                return new Table(table.get(r).stream().map(c -> c == null ? "" : c.strip()).toList(), r + 1,
                        table.subList(r + 1, table.size()));
            }
        }
        throw new Unreadable("members.import.error.noHeader", null);
    }

    /**
     * Which column holds which field, guessed from the header: the template's own names in either language first,
     * then the words a register kept in a spreadsheet uses ("Назва організації", "Код ЄДРПОУ", "ПІБ контактної
     * особи", "E-mail"). Each field takes one column, each column one field; a column like "№" or "Телефон" none.
     */
    public Map<String, Integer> guess(List<String> header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String field = headers.get(normal(header.get(c)));
            if (field != null && !columns.containsKey(field)) {
                columns.put(field, c);
            }
        }
        for (Map.Entry<String, List<String>> rule : WORDS.entrySet()) {
            if (columns.containsKey(rule.getKey())) {
                continue;
            }
            for (int c = 0; c < header.size(); c++) {
                String cell = normal(header.get(c));
                if (!columns.containsValue(c) && rule.getValue().stream().anyMatch(cell::contains)) {
                    columns.put(rule.getKey(), c);
                    break;
                }
            }
        }
        return columns;
    }

    /** Whether a header is the template's, every column known by its own name: then nothing needs confirming. */
    public boolean isTemplate(List<String> header, Map<String, Integer> columns) {
        return header.stream().filter(h -> !h.isBlank()).allMatch(h -> headers.containsKey(normal(h)))
                && FIELDS.stream().filter(f -> !OPTIONAL.contains(f)).allMatch(columns::containsKey);
    }

    /**
     * The rows of a table as fields: each field from its column, or the one value the coordinator gave for every row
     * when the file has no column for it; each row with its line in the file.
     */
    public static List<Map<String, String>> rows(Table table, Map<String, Integer> columns,
                                                 Map<String, String> sameForAll) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> cells = table.rows().get(r);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            row.put(LINE, String.valueOf(table.headerLine() + 1 + r));
            for (String field : FIELDS) {
                Integer column = columns.get(field);
                String value = column == null ? sameForAll.getOrDefault(field, "")
                        : column < cells.size() && cells.get(column) != null ? cells.get(column) : "";
                row.put(field, value.strip());
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> xlsx(byte[] content) {
        if (SheetReader.isZip(content)) {
            try {
                return SheetReader.firstSheet(content, MemberImport.MAX_ROWS + 21, 50);
            } catch (SheetReader.Unreadable e) {
                throw new Unreadable(e.tooLarge() ? "members.import.error.tooLarge" : "members.import.error.type",
                        e.tooLarge() ? String.valueOf(SheetReader.MAX_PART_BYTES / (1024 * 1024)) : null);
            }
        }
        // an older binary workbook (.xls): at most 65,536 rows by its format, read whole
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        List<List<String>> table = new ArrayList<>();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = book.getSheetAt(0);
            for (int r = 0; r <= Math.min(sheet.getLastRowNum(), MemberImport.MAX_ROWS + 20); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.min(row.getLastCellNum(), 50); c++) {
                        cells.add(text(row.getCell(c), formatter));
                    }
                }
                table.add(cells);
            }
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("members.import.error.type", null);
        }
        return table;
    }

    /** A cell as text: a formula as its formula (=1+1), never its result; a date cell as 01.09.2024, a whole number without ".0" (an EDRPOU Excel took for a number). */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return "=" + cell.getCellFormula();
        }
        CellType type = cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().format(SHOWN_DATE);
            }
            double value = cell.getNumericCellValue();
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return String.valueOf((long) value);
            }
        }
        return formatter.formatCellValue(cell).strip();
    }

    private static List<List<String>> csv(byte[] content) {
        try {
            return SheetReader.csv(content, MemberImport.MAX_ROWS + 21);
        } catch (SheetReader.Unreadable e) {
            throw new Unreadable("members.import.error.type", null);
        }
    }

    private static String normal(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[\\s\u00a0*:]+", " ").replace('’', '\'').strip();
    }

    /** The template to fill in: the header row, and an example row to overwrite. */
    public byte[] templateXlsx(Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(messages.getMessage("members.title", null, locale));
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            Row header = sheet.createRow(0);
            Row example = sheet.createRow(1);
            List<String> sample = example(locale);
            for (int i = 0; i < FIELDS.size(); i++) {
                header.createCell(i).setCellValue(header(FIELDS.get(i), locale));
                header.getCell(i).setCellStyle(bold);
                example.createCell(i).setCellValue(sample.get(i));
                example.getCell(i).setCellStyle(text);
                sheet.setDefaultColumnStyle(i, text);
                sheet.setColumnWidth(i, i == 0 ? 36 * 256 : 20 * 256);
            }
            sheet.createFreezePane(0, 1);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] templateCsv(Locale locale) {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            printer.printRecord(FIELDS.stream().map(f -> header(f, locale)).toList());
            printer.printRecord(example(locale));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private List<String> example(Locale locale) {
        boolean english = locale.getLanguage().equals("en");
        return List.of(english ? "Skhidmash LLC" : "ТОВ «Сходмаш»", "34555011",
                categoryName("sme", locale), english ? "Kharkiv" : "Харківська", "45",
                english ? "Nadiia Oliinyk" : "Надія Олійник", "contact@example.com", english ? "en" : "uk",
                "01.09.2023", "01.09.2027");
    }
}
