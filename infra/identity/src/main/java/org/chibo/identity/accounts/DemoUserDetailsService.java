package org.chibo.identity.accounts;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Spring Security's view of the demo accounts, for the login form (authorization code flow) and the password grant.
 * Every account has the one demo password, compared as it is ({@code {noop}}): it is in the configuration anyway, and
 * hashing it would make each of a city's worth of member logins cost a BCrypt round for nothing. Demo only.
 */
public final class DemoUserDetailsService implements UserDetailsService {

    private final DemoAccounts accounts;
    private final String password;

    public DemoUserDetailsService(DemoAccounts accounts, String demoPassword) {
        this.accounts = accounts;
        this.password = "{noop}" + demoPassword;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        DemoAccount account = accounts.find(username)
                .orElseThrow(() -> new UsernameNotFoundException("no demo account " + username));
        return User.withUsername(account.username()).password(password)
                .authorities(account.roles().stream().map(role -> "ROLE_" + role).toArray(String[]::new))
                .build();
    }
}
