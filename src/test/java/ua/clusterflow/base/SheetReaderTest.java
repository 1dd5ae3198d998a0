package ua.clusterflow.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;

/** An uploaded workbook's first sheet, read as a stream within its limits. */
class SheetReaderTest {

    @Test
    void cellsReadAsPeopleTypedThem() throws Exception {
        byte[] book = Spreadsheets.xlsx(workbook -> {
            Sheet sheet = workbook.createSheet("Members");
            Spreadsheets.header(sheet, 0, List.of("name", "edrpou", "joinedOn"));
            Row row = sheet.createRow(2);
            row.createCell(0).setCellValue("ТОВ «Рядок»");
            row.createCell(1).setCellValue(1234567);
            CellStyle dates = Spreadsheets.dates(workbook, "dd.mm.yyyy");
            row.createCell(2).setCellValue(LocalDate.of(2024, 9, 1));
            row.getCell(2).setCellStyle(dates);
            row.createCell(3).setCellFormula("1+1");
            row.createCell(60).setCellValue("past the columns asked for");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        List<List<String>> rows = SheetReader.firstSheet(book, 10, 50);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsExactly("name", "edrpou", "joinedOn");
        assertThat(rows.get(1)).isEmpty();
        assertThat(rows.get(2)).containsExactly("ТОВ «Рядок»", "1234567", "01.09.2024", "=1+1")
                .as("a date as people write it, a formula as the formula and not its result 2");
    }

    @Test
    void aLongSheetIsReadNoFurtherThanTheRowsAskedFor() throws Exception {
        byte[] book = Spreadsheets.xlsx(workbook -> {
            Sheet sheet = workbook.createSheet("Members");
            for (int r = 0; r < 20_000; r++) {
                sheet.createRow(r).createCell(0).setCellValue("row " + r);
            }
        });
        List<List<String>> rows = SheetReader.firstSheet(book, 100, 50);
        assertThat(rows).hasSize(100);
        assertThat(rows.get(99)).containsExactly("row 99");
    }

    @Test
    void aSmallFileWhoseSheetUnpacksPastTheLimitIsRefusedAsTooLarge() throws Exception {
        byte[] book = Spreadsheets.xlsx(workbook -> workbook.createSheet("Members").createRow(0).createCell(0)
                .setCellValue("name"));
        byte[] bomb = padded(book, "xl/worksheets/sheet1.xml", SheetReader.MAX_PART_BYTES + 1024);
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
        assertThatThrownBy(() -> SheetReader.firstSheet(bomb, 100, 50))
                .isInstanceOfSatisfying(SheetReader.Unreadable.class, e -> assertThat(e.tooLarge()).isTrue());
        assertThatThrownBy(() -> SheetReader.firstSheet("not a workbook".getBytes(StandardCharsets.UTF_8), 100, 50))
                .isInstanceOfSatisfying(SheetReader.Unreadable.class, e -> assertThat(e.tooLarge()).isFalse());
    }

    /** The workbook with white space put into one of its parts until the part unpacks to this many bytes. */
    private static byte[] padded(byte[] xlsx, String part, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(part)) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData");
                    zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1024 * 1024];
                    Arrays.fill(spaces, (byte) ' ');
                    for (long written = 0; written < size; written += spaces.length) {
                        zip.write(spaces);
                    }
                    zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
