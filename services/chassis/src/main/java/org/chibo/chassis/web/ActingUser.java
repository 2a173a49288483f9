package org.chibo.chassis.web;

/**
 * Who makes a change. A controller method that takes one gets it from {@link ActingUserResolver}, or the caller gets a
 * 400 naming the header. Until identity arrives (issue 7) it is the {@code X-ChiBo-User} header, trusted as given;
 * then it comes from the verified token and only the resolver changes.
 */
public record ActingUser(String id) {

    public static final String HEADER = "X-ChiBo-User";
    static final int MAX_LENGTH = 128;
}
