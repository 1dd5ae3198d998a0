package ua.clusterflow.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ua.clusterflow.base.AppClock;

/** The quarterly report as a spreadsheet: the figures, a sheet of trends with their charts, and the lists. */
@Component
public class ReportWorkbook {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final MessageSource messages;

    public ReportWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] write(QuarterlyReport report, Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Writer w = new Writer(book, locale);
            figures(w, report);
            trends(w, report.dashboard());
            processes(w, report.dashboard());
            lists(w, report);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void figures(Writer w, QuarterlyReport report) {
        Dashboard d = report.dashboard();
        Sheet s = w.sheet("report.sheet.figures");
        w.row(s, w.text("report.title") + " · " + d.clusterName() + " · " + report.quarter());
        w.row(s);
        w.header(s, "report.figure", "report.value", "report.target", "report.met");
        for (Figure f : d.targets()) {
            w.row(s, w.text("dashboard." + f.key()), f.value(), f.target(), w.yesNo(f.met()));
        }
        w.row(s, w.text("dashboard.funds"), d.fundsAttracted());
        w.row(s, w.text("dashboard.feeIncome"), d.feeIncome());
        w.row(s, w.text("dashboard.churn"), d.churn());
        w.row(s, w.text("dashboard.introductions"), d.introductions());
        if (d.grantSuccessRate() != null) {
            w.row(s, w.text("dashboard.grantSuccess"), Math.round(d.grantSuccessRate()));
        }
        w.row(s);
        w.row(s, w.text("dashboard.stage"), w.text("dashboard.stage." + d.maturity().stage()));
        for (int i = 0; i < d.maturity().exitCriteria().size(); i++) {
            w.header(s, "dashboard.stage.exit." + i);
            for (Criterion c : d.maturity().exitCriteria().get(i)) {
                w.row(s, w.text("dashboard.criterion." + c.key()), c.evidence(), "", w.yesNo(c.met()));
            }
        }
        w.row(s, w.text("dashboard.nextTools"), String.join(", ", d.maturity().nextStageTools().stream()
                .map(t -> w.text("dashboard.tool." + t)).toList()));
        w.header(s, "dashboard.eccp");
        for (Criterion c : d.eccp()) {
            w.row(s, w.text("dashboard.criterion." + c.key()), c.evidence(), "", w.yesNo(c.met()));
        }
        s.setColumnWidth(0, 60 * 256);
        s.setColumnWidth(1, 24 * 256);
    }

    private void trends(Writer w, Dashboard d) {
        XSSFSheet s = (XSSFSheet) w.sheet("report.sheet.trends");
        int row = 0;
        row = chart(w, s, row, "dashboard.membersByMonth", d.membersByMonth());
        row = chart(w, s, row, "dashboard.fundraising", d.fundraisingByQuarter());
        row = chart(w, s, row, "dashboard.export", d.exportByQuarter());
        row = chart(w, s, row, "dashboard.events", d.meetupsByQuarter());
        chart(w, s, row, "dashboard.funnel", d.onboardingFunnel());
        s.setColumnWidth(0, 30 * 256);
    }

    /** A table of labelled numbers with a bar chart of them beside it; returns the next free row. */
    private int chart(Writer w, XSSFSheet s, int first, String title, Map<String, Integer> values) {
        w.at(s, first).createCell(0).setCellValue(w.text(title));
        w.at(s, first).getCell(0).setCellStyle(w.bold);
        int r = first + 1;
        for (Map.Entry<String, Integer> e : values.entrySet()) {
            Row row = w.at(s, r++);
            row.createCell(0).setCellValue(w.label(e.getKey()));
            row.createCell(1).setCellValue(e.getValue());
        }
        XSSFDrawing drawing = s.createDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 3, first, 11, first + 12));
        chart.setTitleText(w.text(title));
        var labels = XDDFDataSourcesFactory.fromStringCellRange(s, new CellRangeAddress(first + 1, r - 1, 0, 0));
        var numbers = XDDFDataSourcesFactory.fromNumericCellRange(s, new CellRangeAddress(first + 1, r - 1, 1, 1));
        XDDFChartData data = chart.createData(ChartTypes.BAR, chart.createCategoryAxis(AxisPosition.BOTTOM),
                chart.createValueAxis(AxisPosition.LEFT));
        ((XDDFBarChartData) data).setBarDirection(BarDirection.COL);
        data.addSeries(labels, numbers).setTitle(w.text(title), null);
        chart.plot(data);
        return Math.max(r, first + 12) + 1;
    }

    private void processes(Writer w, Dashboard d) {
        Sheet s = w.sheet("report.sheet.processes");
        w.header(s, "tasks.filter.process", "dashboard.open", "dashboard.overdue", "dashboard.finished",
                "dashboard.median", "dashboard.p90");
        for (Dashboard.ProcessFigures p : d.processes()) {
            w.row(s, w.text("process." + p.processKey()), p.openTasks(), p.overdueTasks(), p.finishedCases(),
                    p.medianDays(), p.p90Days());
        }
        w.row(s);
        w.header(s, "tasks.filter.process", "dashboard.step", "dashboard.completed", "dashboard.median",
                "dashboard.p90");
        for (Dashboard.StepFigures p : d.steps()) {
            w.row(s, w.text("process." + p.processKey()), w.textOr("bpmn." + p.stepKey(), p.stepKey()), p.completed(),
                    p.medianDays(), p.p90Days());
        }
        w.row(s);
        w.header(s, "dashboard.person", "dashboard.open", "dashboard.overdue");
        for (Dashboard.PersonLoad p : d.people()) {
            w.row(s, p.name() == null ? w.text("dashboard.unclaimed") : p.name(), p.openTasks(), p.overdueTasks());
        }
        s.setColumnWidth(0, 34 * 256);
        s.setColumnWidth(1, 40 * 256);
    }

    private void lists(Writer w, QuarterlyReport report) {
        Sheet s = w.sheet("report.sheet.lists");
        w.header(s, "dashboard.fundraising");
        report.supportedGrants().forEach(c -> w.row(s, c.businessKey(), c.title(), w.day(c.at())));
        w.row(s);
        w.header(s, "dashboard.events");
        report.reportedMeetups().forEach(c -> w.row(s, c.businessKey(), c.title(), w.day(c.at())));
        w.row(s);
        w.header(s, "dashboard.export");
        report.exports().forEach(e -> w.row(s, w.text("records.kind." + e.kind()), e.title(), e.heldOn().format(DAY),
                e.country(), e.participants()));
        w.row(s);
        w.header(s, "dashboard.introductions");
        report.introductions().forEach(i -> w.row(s, i.need(), i.offer(), w.day(i.at())));
        w.row(s);
        w.header(s, "records.plan");
        report.planItems().forEach(p -> w.row(s, p.programme(), p.title(), w.yesNo(p.participates())));
        s.setColumnWidth(0, 30 * 256);
        s.setColumnWidth(1, 60 * 256);
    }

    /** Appends rows of text and numbers to the sheets of one workbook, in one language. */
    private final class Writer {
        private final XSSFWorkbook book;
        private final Locale locale;
        private final CellStyle bold;

        Writer(XSSFWorkbook book, Locale locale) {
            this.book = book;
            this.locale = locale;
            this.bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
        }

        Sheet sheet(String key) {
            return book.createSheet(text(key));
        }

        Row at(Sheet s, int index) {
            Row row = s.getRow(index);
            return row == null ? s.createRow(index) : row;
        }

        void row(Sheet s, Object... values) {
            Row row = s.createRow(s.getPhysicalNumberOfRows() == 0 ? 0 : s.getLastRowNum() + 1);
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v instanceof Number n) {
                    row.createCell(i).setCellValue(n.doubleValue());
                } else if (v != null) {
                    row.createCell(i).setCellValue(v.toString());
                }
            }
        }

        void header(Sheet s, String... keys) {
            row(s, (Object[]) List.of(keys).stream().map(this::text).toArray(String[]::new));
            s.getRow(s.getLastRowNum()).forEach(c -> c.setCellStyle(bold));
        }

        String text(String key) {
            return messages.getMessage(key, null, key, locale);
        }

        String textOr(String key, String fallback) {
            return messages.getMessage(key, null, fallback, locale);
        }

        String label(String key) {
            return textOr("dashboard.label." + key, key);
        }

        String yesNo(boolean yes) {
            return text(yes ? "common.yes" : "common.no");
        }

        String day(Instant at) {
            return at.atZone(AppClock.KYIV).format(DAY);
        }
    }
}
