package ua.clusterflow.board.web;

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
import ua.clusterflow.board.BallotRepository.Decision;

/**
 * The board's register of decisions as minutes: one row per decision with its date (Kyiv time), question, outcome,
 * count, the reasons given against and the proposer's statement, every value written as text, never as a formula.
 */
@Component
public class DecisionsWorkbook {

    static final List<String> COLUMNS = List.of("board.date", "task.case", "board.question.short", "board.decision",
            "board.minutes.for", "board.minutes.against", "board.minutes.abstained", "board.minutes.reasons",
            "motion.statement");

    private final MessageSource messages;

    public DecisionsWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] write(List<Decision> decisions, Locale locale) {
        return Spreadsheets.xlsx(book -> {
            Sheet sheet = book.createSheet(text("board.decisions", locale));
            CellStyle time = Spreadsheets.dates(book, "dd.mm.yyyy hh:mm");
            Spreadsheets.header(sheet, 0, COLUMNS.stream().map(key -> text(key, locale)).toList());
            int r = 1;
            for (Decision decision : decisions) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(LocalDateTime.ofInstant(decision.decidedAt(), AppClock.KYIV));
                line.getCell(0).setCellStyle(time);
                line.createCell(1).setCellValue(decision.businessKey() == null ? "" : decision.businessKey());
                line.createCell(2).setCellValue(decision.question(locale));
                line.createCell(3).setCellValue(decision.amongOptions() ? decision.decisionLabel()
                        : text("board.decision." + decision.decision(), locale));
                line.createCell(4).setCellValue(decision.approvals());
                line.createCell(5).setCellValue(decision.rejections());
                line.createCell(6).setCellValue(decision.abstentions());
                line.createCell(7).setCellValue(decision.reason() == null ? "" : decision.reason());
                line.createCell(8).setCellValue(decision.statement() == null ? "" : decision.statement());
            }
            sheet.setColumnWidth(0, 18 * 256);
            sheet.setColumnWidth(1, 14 * 256);
            sheet.setColumnWidth(2, 48 * 256);
            sheet.setColumnWidth(7, 48 * 256);
            sheet.setColumnWidth(8, 64 * 256);
            sheet.createFreezePane(0, 1);
        });
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
