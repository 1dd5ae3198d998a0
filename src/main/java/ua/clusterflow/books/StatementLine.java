package ua.clusterflow.books;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import ua.clusterflow.base.Sha256;

/**
 * A line of a bank statement as the bank wrote it: where it stood, the day it was booked, the amount (a debit
 * negative), its currency, the payer's name and code, the purpose of payment and the bank's own reference, if any.
 * A cell the file left empty or unreadable is null; {@link #unreadable} names what could not be read.
 */
public record StatementLine(int position, LocalDate bookedOn, BigDecimal amount, String currency, String payerName,
                            String payerCode, String purpose, String bankReference, String unreadable) {

    /**
     * What makes the line the same line in any statement: the bank's reference or, without one, its day, amount,
     * payer and purpose with how many such lines stood before it in its statement.
     */
    public String key(int occurrence) {
        String identity = bankReference != null && !bankReference.isBlank() ? "ref|" + bankReference.strip()
                : bookedOn + "|" + (amount == null ? "" : amount.stripTrailingZeros().toPlainString()) + "|"
                        + (payerCode == null ? "" : payerCode) + "|" + (purpose == null ? "" : purpose.strip()) + "|"
                        + occurrence;
        return Sha256.hex(identity.getBytes(StandardCharsets.UTF_8));
    }
}
