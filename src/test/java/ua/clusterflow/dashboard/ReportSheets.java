package ua.clusterflow.dashboard;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads the quarterly report's spreadsheet the way a person would: by the label in a row's first cell. */
public final class ReportSheets {

    private ReportSheets() {
    }

    public static Row rowStartingWith(XSSFWorkbook book, int sheet, String text) {
        for (Row row : book.getSheetAt(sheet)) {
            if (row.getCell(0) != null && text.equals(row.getCell(0).toString())) {
                return row;
            }
        }
        throw new AssertionError("No row starting with " + text);
    }
}
