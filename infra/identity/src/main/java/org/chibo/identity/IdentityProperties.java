package org.chibo.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chibo.identity.*}, see application.yml for what each means.
 *
 * @param issuer         the {@code iss} of every token and the base of every endpoint URL the discovery document names
 * @param keyFile        where the RS256 signing key is kept (generated on first start), so tokens survive restarts
 * @param tokenLifetime  how long an access token is valid
 * @param demoPassword   the one password of every demo account
 * @param passwordGrant  the resource-owner password grant for {@code chibo-cli} (off unless enabled)
 * @param city           which demo city the accounts are generated from (must be the one the platform loaded)
 * @param console        the browser client {@code chibo-console}
 * @param corsOrigins    browser origins that may call the token endpoint and the key set (the gateway's API UI)
 * @param accounts       the named demo accounts: roles bound to a unit of the demo city
 */
@ConfigurationProperties("chibo.identity")
public record IdentityProperties(String issuer, Path keyFile, Duration tokenLifetime, String demoPassword,
                                 PasswordGrant passwordGrant, City city, Console console, List<String> corsOrigins,
                                 List<Account> accounts) {

    public IdentityProperties {
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        passwordGrant = passwordGrant == null ? new PasswordGrant(false) : passwordGrant;
    }

    public record PasswordGrant(boolean enabled) {
    }

    public record City(long seed, LocalDate referenceDate) {
    }

    public record Console(List<String> redirectUris) {
        public Console {
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        }
    }

    /** A named demo account: {@code unit} is the code of the unit in the demo city the roles are bound to. */
    public record Account(String username, String name, List<String> roles, String unit) {
    }
}
