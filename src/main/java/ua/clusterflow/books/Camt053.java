package ua.clusterflow.books;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An ISO 20022 bank-to-customer statement ({@code camt.053}, any version from .001.02 on) as lines: each entry,
 * or each transaction of an entry that books several, with its amount (a debit negative), booking day, the debtor's
 * name and organisation code, the unstructured remittance information and the bank's reference. Elements are read by
 * their local names, so the versions' namespaces all read alike; the document may declare no DTD.
 */
public final class Camt053 {

    private Camt053() {
    }

    /** Whether the file is a bank-to-customer statement. */
    public static boolean is(byte[] content) {
        String start = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8);
        return start.stripLeading().startsWith("<") && start.contains("BkToCstmrStmt");
    }

    public static List<StatementLine> read(byte[] content) throws StatementProblem {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
        } catch (Exception e) {
            throw new StatementProblem("books.error.unreadable");
        }
        List<StatementLine> lines = new ArrayList<>();
        for (Element entry : descendants(document.getDocumentElement(), "Ntry")) {
            List<Element> transactions = descendants(entry, "TxDtls");
            if (transactions.size() <= 1) {
                lines.add(line(lines.size() + 1, entry, transactions.isEmpty() ? entry : transactions.get(0), true));
            } else {
                for (Element transaction : transactions) {
                    lines.add(line(lines.size() + 1, entry, transaction, false));
                }
            }
        }
        return lines;
    }

    private static StatementLine line(int position, Element entry, Element details, boolean entryAmount) {
        String unreadable = null;
        Element amountElement = entryAmount ? child(entry, "Amt") : first(details, "Amt");
        if (amountElement == null) {
            amountElement = child(entry, "Amt");
        }
        BigDecimal amount = null;
        String currency = null;
        try {
            amount = new BigDecimal(amountElement.getTextContent().strip());
            currency = amountElement.getAttribute("Ccy");
        } catch (RuntimeException e) {
            unreadable = "amount";
        }
        String direction = text(details, "CdtDbtInd");
        if (direction == null) {
            direction = text(entry, "CdtDbtInd");
        }
        if (amount != null && "DBIT".equals(direction)) {
            amount = amount.negate();
        }
        LocalDate booked = null;
        Element bookingDate = first(entry, "BookgDt");
        if (bookingDate == null) {
            bookingDate = first(entry, "ValDt");
        }
        try {
            String day = text(bookingDate, "Dt");
            booked = day != null ? LocalDate.parse(day)
                    : OffsetDateTime.parse(text(bookingDate, "DtTm")).toLocalDate();
        } catch (RuntimeException e) {
            unreadable = unreadable == null ? "date" : unreadable;
        }
        Element debtor = first(details, "Dbtr");
        String name = debtor == null ? null : text(debtor, "Nm");
        String code = null;
        Element organisation = debtor == null ? null : first(debtor, "OrgId");
        if (organisation != null) {
            code = text(organisation, "Id");
        }
        StringBuilder purpose = new StringBuilder();
        for (Element unstructured : descendants(details, "Ustrd")) {
            purpose.append(purpose.isEmpty() ? "" : " ").append(unstructured.getTextContent().strip());
        }
        String reference = text(details, "AcctSvcrRef");
        if (reference == null && entryAmount) {
            reference = text(entry, "AcctSvcrRef");
        }
        return new StatementLine(position, booked, amount, currency, name, code,
                purpose.isEmpty() ? null : purpose.toString(), reference, unreadable);
    }

    private static String text(Element element, String name) {
        Element found = element == null ? null : first(element, name);
        if (found == null) {
            return null;
        }
        String text = found.getTextContent().strip();
        return text.isEmpty() ? null : text;
    }

    private static Element child(Element element, String name) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static Element first(Element element, String name) {
        List<Element> found = descendants(element, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> descendants(Element element, String name) {
        List<Element> found = new ArrayList<>();
        var nodes = element.getElementsByTagNameNS("*", name);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }
}
