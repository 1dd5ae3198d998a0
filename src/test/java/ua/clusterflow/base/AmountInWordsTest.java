package ua.clusterflow.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Amounts in words as a Ukrainian invoice and its English reader write them. */
class AmountInWordsTest {

    private static final Locale UK = Locale.forLanguageTag("uk");

    @Test
    void hryvniasInUkrainianTakeTheFeminineAndTheRightForm() {
        assertThat(AmountInWords.hryvnias(new BigDecimal("12000.00"), UK)).isEqualTo("дванадцять тисяч гривень 00 копійок");
        assertThat(AmountInWords.hryvnias(new BigDecimal("1.01"), UK)).isEqualTo("одна гривня 01 копійка");
        assertThat(AmountInWords.hryvnias(new BigDecimal("22.02"), UK)).isEqualTo("двадцять дві гривні 02 копійки");
        assertThat(AmountInWords.hryvnias(new BigDecimal("60000"), UK)).isEqualTo("шістдесят тисяч гривень 00 копійок");
    }

    @Test
    void hryvniasInEnglish() {
        assertThat(AmountInWords.hryvnias(new BigDecimal("12000.50"), Locale.ENGLISH))
                .isEqualTo("twelve thousand hryvnias 50 kopiykas");
        assertThat(AmountInWords.hryvnias(new BigDecimal("1.01"), Locale.ENGLISH)).isEqualTo("one hryvnia 01 kopiyka");
    }
}
