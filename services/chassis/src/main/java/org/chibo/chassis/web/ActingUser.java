package org.chibo.chassis.web;

/**
 * Who makes a change: the subject of the caller's verified token. A controller method that takes one gets it from
 * {@link org.chibo.chassis.security.CallerResolver}; for roles and subtree, take a
 * {@link org.chibo.chassis.security.Caller} instead.
 */
public record ActingUser(String id) {
}
