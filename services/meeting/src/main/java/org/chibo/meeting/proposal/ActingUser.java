package org.chibo.meeting.proposal;

/**
 * Who is acting on a request. Until identity arrives (issue 7) it is the id the caller sends in {@code X-ChiBo-User},
 * trusted as given; then it comes from the verified token, and only {@link ActingUserResolver} changes.
 */
public record ActingUser(String id) {

    public static final String HEADER = "X-ChiBo-User";
    static final int MAX_LENGTH = 128;
}
