package org.chibo.identity.accounts;

import java.util.List;

/**
 * Who a login is, as the platform's tokens say it: roles bound to an organisation (whose subtree they cover), the
 * caller's own member id for a member, and a display name. {@code organisationCode} and {@code organisationName} are
 * for people reading the accounts table, not for the platform.
 */
public record DemoAccount(String username, String name, List<String> roles, String organisationId,
                          String organisationCode, String organisationName, String memberId) {

    public DemoAccount {
        roles = List.copyOf(roles);
    }
}
