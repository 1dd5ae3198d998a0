package ua.clusterflow.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * The first sheet of an uploaded .xlsx workbook as rows of cell texts, read as a stream: no more rows and columns
 * than asked for are kept, the reading stops after the last row wanted, and no part of the workbook may unpack to
 * more than {@link #MAX_PART_BYTES}. A small file whose sheet unpacks to a hundred megabytes costs neither the time
 * nor the memory of a workbook loaded whole. A date cell reads as 01.09.2024, a whole number without ".0", a formula as
 * its formula (=1+1), never its result.
 */
public final class SheetReader {

    /** The most any one part of an uploaded workbook (a sheet, its shared strings) may unpack to. */
    public static final long MAX_PART_BYTES = 64L * 1024 * 1024;

    /** The workbook is not one, or is damaged; or one of its parts unpacks to more than the limit. */
    public static class Unreadable extends Exception {
        private final boolean tooLarge;

        Unreadable(Throwable cause, boolean tooLarge) {
            super(cause);
            this.tooLarge = tooLarge;
        }

        public boolean tooLarge() {
            return tooLarge;
        }
    }

    private static final List<DateTimeFormatter> DAYS = List.of(DateTimeFormatter.ofPattern("d.M.uuuu"),
            DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("d/M/uuuu"),
            DateTimeFormatter.ofPattern("d.M.uu"));

    static {
        // POI's own limit, read as each part is unpacked; it holds for every workbook the app reads
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    }

    private SheetReader() {
    }

    /**
     * The rows of a CSV file as cells, at most {@code maxRows} of them: UTF-8 (with or without its mark) or, when the
     * bytes are not UTF-8, Windows-1251 as Excel in Ukrainian and the banks' exports save it; the cells separated by
     * ';' or ',', whichever the first line has more of.
     */
    public static List<List<String>> csv(byte[] content, int maxRows) throws Unreadable {
        String text = decode(content);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        List<List<String>> table = new ArrayList<>();
        try {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get()
                    .parse(new StringReader(text))) {
                if (table.size() >= maxRows) {
                    break;
                }
                table.add(record.toList());
            }
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(e, false);
        }
        return table;
    }

    /**
     * A day as people and banks' exports write it: 01.09.2024, 1.9.2024, 01.09.24, 2024-09-01 or 01/09/2024, with or
     * without a time after it ("01.09.2024 14:05"); null when it is none of these.
     */
    public static LocalDate day(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String day = typed.strip();
        int space = day.indexOf(' ');
        if (space > 0) {
            day = day.substring(0, space);
        }
        for (DateTimeFormatter format : DAYS) {
            try {
                return LocalDate.parse(day, format);
            } catch (DateTimeParseException e) {
                // the next way of writing a day
            }
        }
        return null;
    }

    /** UTF-8 as written by most tools, else Windows-1251. */
    public static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return new String(content, Charset.forName("windows-1251"));
        }
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }

    /** At most {@code maxRows} rows of at most {@code maxColumns} cells each, empty rows kept as empty lists. */
    public static List<List<String>> firstSheet(byte[] xlsx, int maxRows, int maxColumns) throws Unreadable {
        Rows rows = new Rows(maxRows, maxColumns);
        Path file = null;
        try {
            // a package opened from a file unpacks a part as it is read; from a stream, every part at once
            file = Files.createTempFile("clusterflow-sheet", ".xlsx");
            Files.write(file, xlsx);
            try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(workbook);
                StylesTable styles = reader.getStylesTable();
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
                Iterator<InputStream> sheets = reader.getSheetsData();
                if (!sheets.hasNext()) {
                    return rows.table;
                }
                try (InputStream sheet = sheets.next()) {
                    XMLFilterImpl formulas = new FormulaCells(XMLHelper.newXMLReader(), rows);
                    formulas.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new ShownDates(),
                            true));
                    formulas.parse(new InputSource(sheet));
                } catch (Enough enough) {
                    // the rows wanted are read; the rest of the sheet is not
                }
            }
            return rows.table;
        } catch (Exception e) {
            throw new Unreadable(e, tooLarge(e));
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file the system clears
                }
            }
        }
    }

    /** Whether the bytes start as a zip file does (an .xlsx), rather than an older binary workbook. */
    public static boolean isZip(byte[] content) {
        return content.length > 3 && content[0] == 'P' && content[1] == 'K';
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb") || message.contains("max entry size") || message.contains("exceed")) {
                return true;
            }
        }
        return false;
    }

    /** Stops the parser once the rows wanted are read. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    /** Marks the cells that hold a formula, whose text the handler then gives as the formula, not its result. */
    private static final class FormulaCells extends XMLFilterImpl {
        private final Rows rows;

        FormulaCells(XMLReader parent, Rows rows) {
            super(parent);
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if ("c".equals(localName)) {
                rows.formula = false;
            } else if ("f".equals(localName)) {
                rows.formula = true;
            }
            super.startElement(uri, localName, qName, atts);
        }
    }

    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final int maxRows;
        private final int maxColumns;
        private final List<List<String>> table = new ArrayList<>();
        private List<String> current;
        private boolean formula;

        Rows(int maxRows, int maxColumns) {
            this.maxRows = maxRows;
            this.maxColumns = maxColumns;
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum >= maxRows) {
                throw new Enough();
            }
            while (table.size() < rowNum) {
                table.add(new ArrayList<>());
            }
            current = new ArrayList<>();
            table.add(current);
        }

        @Override
        public void endRow(int rowNum) {
            current = null;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            if (current == null || reference == null) {
                return;
            }
            int column = new CellReference(reference).getCol();
            if (column >= maxColumns) {
                return;
            }
            while (current.size() < column) {
                current.add("");
            }
            String text = value == null ? "" : value.strip();
            current.add(formula ? "=" + text : text);
        }
    }

    /** Dates as 01.09.2024 and whole numbers without a fraction, as people typed them; the rest as Excel shows it. */
    private static final class ShownDates extends DataFormatter {
        ShownDates() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().format(DateTimeFormatter.ofPattern("dd.MM.uuuu"));
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return String.valueOf((long) value);
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }
}
