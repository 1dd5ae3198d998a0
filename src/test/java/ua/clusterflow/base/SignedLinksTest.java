package ua.clusterflow.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SignedLinksTest {

    private final SignedLinks links = new SignedLinks("a-secret-for-tests", null);

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aSignedLinkGivesBackItsSubject() {
        assertThat(links.verify("track", links.sign("track", "ONB-00042", Duration.ofDays(1)))).isEqualTo("ONB-00042");
    }

    @Test
    void tamperedForeignAndExpiredLinksAreRefused() {
        String token = links.sign("track", "ONB-00042", Duration.ofDays(1));
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("track|ONB-00043|9999999999".getBytes()) + token.substring(token.indexOf('.'));
        assertThatThrownBy(() -> links.verify("track", forged)).hasMessage("Link invalid");
        assertThatThrownBy(() -> links.verify("invitation", token)).hasMessage("Link invalid");
        assertThatThrownBy(() -> links.verify("track", "garbage")).hasMessage("Link invalid");
        assertThatThrownBy(() -> new SignedLinks("another-secret", null).verify("track", token))
                .hasMessage("Link invalid");
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(2).toMillis()));
        assertThatThrownBy(() -> links.verify("track", token)).hasMessage("Link expired");
    }
}
