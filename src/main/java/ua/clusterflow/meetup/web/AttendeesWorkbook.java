package ua.clusterflow.meetup.web;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.base.Spreadsheets;
import ua.clusterflow.meetup.Meetup;
import ua.clusterflow.meetup.MeetupRepository.Registration;

/**
 * A meetup's guests as a spreadsheet: one row per guest with a place or waiting for one, their mode, their status and
 * when they were checked in at the door (Kyiv time, as a time a spreadsheet can sort). Every value is written as text
 * or a date, never as a formula, whatever a guest typed.
 */
@Component
public class AttendeesWorkbook {

    static final List<String> COLUMNS = List.of("meetup.register.name", "meetup.register.organisation",
            "meetup.register.email", "meetup.register.mode", "meetup.attendees.status", "meetup.attendees.checkedInAt");

    private final MessageSource messages;

    public AttendeesWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] write(Meetup meetup, List<Registration> guests, Locale locale) {
        return Spreadsheets.xlsx(book -> {
            Sheet sheet = book.createSheet(text("meetup.attendees", locale));
            CellStyle time = Spreadsheets.dates(book, "dd.mm.yyyy hh:mm");
            sheet.createRow(0).createCell(0).setCellValue(meetup.segment() + " · " + meetup.reference());
            Spreadsheets.header(sheet, 2, COLUMNS.stream().map(key -> text(key, locale)).toList());
            int r = 3;
            for (Registration guest : guests) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(guest.name());
                line.createCell(1).setCellValue(guest.organisation() == null ? "" : guest.organisation());
                line.createCell(2).setCellValue(guest.email());
                line.createCell(3).setCellValue(text("meetup.mode." + guest.mode(), locale));
                line.createCell(4).setCellValue(text("meetup.attendees.status." + guest.status(), locale));
                if (guest.checkedIn()) {
                    line.createCell(5).setCellValue(LocalDateTime.ofInstant(guest.checkedInAt(), AppClock.KYIV));
                    line.getCell(5).setCellStyle(time);
                }
            }
            for (int i = 0; i < COLUMNS.size(); i++) {
                sheet.setColumnWidth(i, i < 3 ? 32 * 256 : 18 * 256);
            }
            sheet.createFreezePane(1, 3);
        });
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
