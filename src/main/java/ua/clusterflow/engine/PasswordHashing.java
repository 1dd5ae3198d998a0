package ua.clusterflow.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Passwords in the engine's identity service are hashed with Argon2id (Spring Security's encoder with its current
 * defaults: 16 MiB of memory, two passes), not the engine's single salted SHA-512. Hashes stored before still check,
 * and a person's next good sign-in stores the password anew with Argon2.
 */
@Component
public class PasswordHashing extends AbstractProcessEnginePlugin {

    public static final String ALGORITHM = "ARGON2";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // the engine's SHA-512 checker stays among the checkers for the hashes stored before
        configuration.setPasswordEncryptor(new Argon2());
    }

    static final class Argon2 implements PasswordEncryptor {

        private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

        @Override
        public String encrypt(String password) {
            return encoder.encode(password);
        }

        @Override
        public boolean check(String password, String encrypted) {
            return encoder.matches(password, encrypted);
        }

        @Override
        public String hashAlgorithmName() {
            return ALGORITHM;
        }
    }
}
