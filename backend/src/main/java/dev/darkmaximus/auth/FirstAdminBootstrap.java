package dev.darkmaximus.auth;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * A fresh install has no staff; this creates the first admin and prints the password exactly once (it is only
 * stored hashed). With several replicas starting together the unique login index lets only one succeed.
 */
@Component
class FirstAdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final StaffService staff;
    private final AuthProperties properties;

    FirstAdminBootstrap(StaffService staff, AuthProperties properties) {
        this.staff = staff;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        createFirstAdmin();
        if (properties.bootstrapAdminTelegramId() > 0) {
            staff.linkBootstrapTelegram(properties.bootstrapAdminUsername(), properties.bootstrapAdminTelegramId());
        }
    }

    private void createFirstAdmin() {
        boolean generated = properties.bootstrapAdminPassword().isBlank();
        String password = generated ? randomPassword() : properties.bootstrapAdminPassword();
        try {
            if (!staff.createFirstAdmin(properties.bootstrapAdminUsername(), password)) {
                return;
            }
        } catch (DuplicateKeyException anotherReplicaWon) {
            return;
        }
        log.atWarn().addKeyValue("username", properties.bootstrapAdminUsername()).log("first admin account created");
        if (generated) {
            // Printed, not logged: log shipping must not carry the password; the console shows it once.
            System.out.printf("%n==================== Dark Maximus 3: first admin ====================%n"
                    + "  login:    %s%n  password: %s%n"
                    + "  Shown once and stored only as a hash: keep it safe.%n"
                    + "=====================================================================%n%n",
                    properties.bootstrapAdminUsername(), password);
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
