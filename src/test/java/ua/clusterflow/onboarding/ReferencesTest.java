package ua.clusterflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ua.clusterflow.IntegrationTest;

/** A case's reference keeps every digit of its number past 99,999, so no two cases share one. */
class ReferencesTest extends IntegrationTest {

    @Test
    void referencesPastFiveDigitsStayWholeAndDistinct() {
        jdbc.sql("select setval(pg_get_serial_sequence('onboarding_application', 'id'), "
                + "greatest(123455, (select last_value from onboarding_application_id_seq)))").query().listOfRows();
        long next = jdbc.sql("select last_value from onboarding_application_id_seq").query(Long.class).single() + 1;
        OnboardingApplication first = apply("kharkiv", "ТОВ «Шість цифр»", newEdrpou(), "six@example.com");
        OnboardingApplication second = apply("kharkiv", "ТОВ «Шість цифр 2»", newEdrpou(), "six2@example.com");
        assertThat(first.reference()).isEqualTo("ONB-" + next);
        assertThat(second.reference()).isEqualTo("ONB-" + (next + 1));
        assertThat(instance(second.reference(), "MemberOnboarding")).isNotNull();
    }
}
