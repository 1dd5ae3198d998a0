package ua.clusterflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EdrpouTest {

    @Test
    void acceptsRealCodes() {
        assertThat(Edrpou.isValid("14360570")).as("weights 1-7").isTrue();
        assertThat(Edrpou.isValid("00032129")).isTrue();
        assertThat(Edrpou.isValid("12345678")).isTrue();
    }

    @Test
    void refusesAWrongCheckDigitLengthOrCharacters() {
        assertThat(Edrpou.isValid("14360571")).isFalse();
        assertThat(Edrpou.isValid("1436057")).isFalse();
        assertThat(Edrpou.isValid("1436057a")).isFalse();
        assertThat(Edrpou.isValid(" 14360570")).isFalse();
        assertThat(Edrpou.isValid(null)).isFalse();
    }

    @Test
    void usesTheOtherWeightsBetweenThirtyAndSixtyMillion() {
        String first7 = "3012345";
        int check = Edrpou.checkDigit(first7);
        assertThat(Edrpou.isValid(first7 + check)).isTrue();
        int sum = 3 * 7 + 0 * 1 + 1 * 2 + 2 * 3 + 3 * 4 + 4 * 5 + 5 * 6;
        assertThat(sum % 11 == 10 ? -1 : sum % 11).isIn(check, -1);
    }
}
