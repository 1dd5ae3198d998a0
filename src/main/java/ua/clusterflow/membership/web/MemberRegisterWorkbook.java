package ua.clusterflow.membership.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Spreadsheets;
import ua.clusterflow.cluster.MemberOrganisation;
import ua.clusterflow.membership.Memberships.RegisterRow;

/** The member register as a spreadsheet: one row per organisation, with dates as dates a spreadsheet can sort. */
@Component
public class MemberRegisterWorkbook {

    static final List<String> COLUMNS = List.of("onboarding.name", "onboarding.edrpou", "members.status",
            "members.statusSince", "onboarding.category", "members.paidUntil", "members.noticeUntil",
            "members.contacts", "members.joinedOn", "onboarding.region", "onboarding.headcount");

    private final MessageSource messages;

    public MemberRegisterWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] write(String clusterName, List<RegisterRow> rows, Locale locale) {
        return Spreadsheets.xlsx(book -> {
            Sheet sheet = book.createSheet(text("members.title", locale));
            CellStyle date = Spreadsheets.dates(book, "dd.mm.yyyy");
            sheet.createRow(0).createCell(0).setCellValue(text("members.title", locale) + " · " + clusterName
                    + " · " + AppClock.today());
            Spreadsheets.header(sheet, 2, COLUMNS.stream().map(key -> text(key, locale)).toList());
            int r = 3;
            for (RegisterRow row : rows) {
                MemberOrganisation o = row.organisation();
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(o.name());
                line.createCell(1).setCellValue(o.edrpou());
                line.createCell(2).setCellValue(text("membership.status." + o.status().name(), locale));
                day(line, 3, row.statusSince(), date);
                line.createCell(4).setCellValue(messages.getMessage(
                        "form.member-onboarding-application.category." + o.category(), null, o.category(), locale));
                day(line, 5, o.paidUntil(), date);
                day(line, 6, row.noticeUntil(), date);
                line.createCell(7).setCellValue(row.contacts() == null ? "" : row.contacts());
                day(line, 8, o.joinedAt().atZone(AppClock.KYIV).toLocalDate(), date);
                line.createCell(9).setCellValue(o.region() == null ? "" : o.region());
                line.createCell(10).setCellValue(o.headcount());
            }
            for (int i = 0; i < COLUMNS.size(); i++) {
                sheet.setColumnWidth(i, i == 0 || i == 7 ? 40 * 256 : 16 * 256);
            }
            sheet.createFreezePane(1, 3);
        });
    }

    private static void day(Row line, int column, LocalDate day, CellStyle style) {
        if (day != null) {
            line.createCell(column).setCellValue(day);
            line.getCell(column).setCellStyle(style);
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
