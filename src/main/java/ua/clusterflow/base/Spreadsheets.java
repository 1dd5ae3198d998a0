package ua.clusterflow.base;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** What every exported spreadsheet shares: the workbook written to bytes, a bold header row, a format for dates. */
public final class Spreadsheets {

    private Spreadsheets() {
    }

    /** A new workbook, filled in by the caller, as the bytes of an .xlsx file. */
    public static byte[] xlsx(Consumer<XSSFWorkbook> fill) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill.accept(book);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row of column names in bold. */
    public static Row header(Sheet sheet, int row, List<String> names) {
        CellStyle bold = sheet.getWorkbook().createCellStyle();
        Font font = sheet.getWorkbook().createFont();
        font.setBold(true);
        bold.setFont(font);
        Row header = sheet.createRow(row);
        for (int i = 0; i < names.size(); i++) {
            header.createCell(i).setCellValue(names.get(i));
            header.getCell(i).setCellStyle(bold);
        }
        return header;
    }

    /** A style that shows a date or a time in the given pattern, such as {@code dd.mm.yyyy}. */
    public static CellStyle dates(Workbook book, String pattern) {
        CellStyle style = book.createCellStyle();
        style.setDataFormat(book.createDataFormat().getFormat(pattern));
        return style;
    }
}
