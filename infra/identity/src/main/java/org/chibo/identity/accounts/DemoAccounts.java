package org.chibo.identity.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chibo.identity.IdentityProperties;
import org.chibo.identity.city.DemoCityDirectory;

/**
 * Every login the identity provider knows: the named accounts of {@code chibo.identity.accounts} (staff, secretaries,
 * inspectors, the city admin, each bound to a unit of the demo city by its code) and every member of the demo city,
 * whose username is their card number (role MEMBER, bound to their branch, {@code member_id} their own record).
 */
public final class DemoAccounts {

    static final Set<String> ROLES = Set.of("CITY_ADMIN", "COMMITTEE_STAFF", "BRANCH_SECRETARY", "MEMBER", "INSPECTOR");

    private final DemoCityDirectory city;
    private final Map<String, DemoAccount> named = new LinkedHashMap<>();

    public DemoAccounts(DemoCityDirectory city, List<IdentityProperties.Account> accounts) {
        this.city = city;
        for (IdentityProperties.Account account : accounts) {
            named.put(account.username(), named(account));
        }
    }

    public Optional<DemoAccount> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        DemoAccount account = named.get(username);
        return account != null ? Optional.of(account) : city.member(username).map(this::member);
    }

    /** The named accounts, in configuration order. */
    public List<DemoAccount> named() {
        return List.copyOf(named.values());
    }

    private DemoAccount named(IdentityProperties.Account account) {
        DemoCityDirectory.CityUnit unit = city.unit(account.unit()).orElseThrow(() -> new IllegalStateException(
                "demo account " + account.username() + ": no unit " + account.unit() + " in the demo city"));
        for (String role : account.roles()) {
            if (!ROLES.contains(role)) {
                throw new IllegalStateException("demo account " + account.username() + ": unknown role " + role
                        + "; known: " + ROLES);
            }
        }
        return new DemoAccount(account.username(), account.name(), account.roles(), unit.id(), unit.code(), unit.name(),
                null);
    }

    private DemoAccount member(DemoCityDirectory.CityMember member) {
        DemoCityDirectory.CityUnit branch = city.unit(member.branchCode()).orElseThrow();
        return new DemoAccount(member.cardNumber(), member.fullName(), List.of("MEMBER"), branch.id(), branch.code(),
                branch.name(), member.id());
    }
}
