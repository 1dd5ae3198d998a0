package ua.clusterflow;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Each request of a web test comes from an address of its own in the loopback range, as people's browsers do from
 * theirs: the per-address limits on logins and public forms then hold for the tests that are about them (which name
 * their address with {@link #from}) and stay out of the way of the others.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestRequests {

    @Bean
    MockMvcBuilderCustomizer ownAddressPerRequest() {
        return builder -> builder.defaultRequest(get("/").with(request -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            request.setRemoteAddr("127." + random.nextInt(1, 255) + "." + random.nextInt(256) + "." + random.nextInt(1, 255));
            return request;
        }));
    }

    /** A request from this client address. */
    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /**
     * The link or token with the first character of its signature changed: always another signature, where changing
     * the last characters may only touch the bits unpadded Base64 leaves unused, or put back the ones already there.
     */
    public static String tampered(String signed) {
        int at = signed.lastIndexOf('.') + 1;
        char replacement = signed.charAt(at) == 'A' ? 'B' : 'A';
        return signed.substring(0, at) + replacement + signed.substring(at + 1);
    }
}
