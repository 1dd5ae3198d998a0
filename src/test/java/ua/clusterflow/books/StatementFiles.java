package ua.clusterflow.books;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** Bank statements as banks write them, for the tests: ISO 20022 camt.053.001.02 and a CSV export in Windows-1251. */
public final class StatementFiles {

    /** A credit (or, with a negative amount, a debit) on the statement. */
    public record Entry(LocalDate day, BigDecimal amount, String currency, String payerName, String payerCode, String purpose,
                 String bankReference) {

        public static Entry credit(LocalDate day, String amount, String payerName, String payerCode, String purpose,
                            String reference) {
            return new Entry(day, new BigDecimal(amount), "UAH", payerName, payerCode, purpose, reference);
        }
    }

    private StatementFiles() {
    }

    public static byte[] camt053(List<Entry> entries) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>STMT-2026-12-07</MsgId><CreDtTm>2026-12-07T08:00:00+02:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>STMT-1</Id>
                      <CreDtTm>2026-12-07T08:00:00+02:00</CreDtTm>
                      <Acct><Id><IBAN>UA213223130000026007233566001</IBAN></Id><Ccy>UAH</Ccy></Acct>
                      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="UAH">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                        <Dt><Dt>2026-11-01</Dt></Dt></Bal>
                """);
        for (Entry e : entries) {
            boolean credit = e.amount().signum() > 0;
            xml.append("      <Ntry>\n")
                    .append("        <Amt Ccy=\"").append(e.currency()).append("\">").append(e.amount().abs().toPlainString())
                    .append("</Amt>\n")
                    .append("        <CdtDbtInd>").append(credit ? "CRDT" : "DBIT").append("</CdtDbtInd>\n")
                    .append("        <Sts>BOOK</Sts>\n")
                    .append("        <BookgDt><Dt>").append(e.day()).append("</Dt></BookgDt>\n")
                    .append("        <ValDt><Dt>").append(e.day()).append("</Dt></ValDt>\n");
            if (e.bankReference() != null) {
                xml.append("        <AcctSvcrRef>").append(e.bankReference()).append("</AcctSvcrRef>\n");
            }
            xml.append("        <BkTxCd><Prtry><Cd>PMNT</Cd></Prtry></BkTxCd>\n")
                    .append("        <NtryDtls><TxDtls>\n")
                    .append("          <RltdPties><Dbtr><Nm>").append(escape(e.payerName())).append("</Nm>");
            if (e.payerCode() != null) {
                xml.append("<Id><OrgId><Othr><Id>").append(e.payerCode())
                        .append("</Id><SchmeNm><Prtry>EDRPOU</Prtry></SchmeNm></Othr></OrgId></Id>");
            }
            xml.append("</Dbtr></RltdPties>\n")
                    .append("          <RmtInf><Ustrd>").append(escape(e.purpose())).append("</Ustrd></RmtInf>\n")
                    .append("        </TxDtls></NtryDtls>\n")
                    .append("      </Ntry>\n");
        }
        xml.append("    </Stmt>\n  </BkToCstmrStmt>\n</Document>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** As a Ukrainian bank's client exports it: ';' between cells, a comma as the decimal mark, Windows-1251. */
    public static byte[] csv1251(List<Entry> entries) {
        StringBuilder csv = new StringBuilder("Виписка по рахунку UA213223130000026007233566001;;;;;;\r\n")
                .append("Дата операції;Номер документа;Сума;Валюта;Найменування контрагента;ЄДРПОУ контрагента;"
                        + "Призначення платежу\r\n");
        for (Entry e : entries) {
            csv.append(String.format("%02d.%02d.%d", e.day().getDayOfMonth(), e.day().getMonthValue(), e.day().getYear()))
                    .append(';').append(e.bankReference() == null ? "" : e.bankReference())
                    .append(';').append(e.amount().toPlainString().replace('.', ','))
                    .append(';').append(e.currency())
                    .append(';').append('"').append(e.payerName().replace("\"", "\"\"")).append('"')
                    .append(';').append(e.payerCode() == null ? "" : e.payerCode())
                    .append(';').append('"').append(e.purpose().replace("\"", "\"\"")).append('"')
                    .append("\r\n");
        }
        return csv.toString().getBytes(Charset.forName("windows-1251"));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
