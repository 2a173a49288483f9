package org.chibo.citysim.auth;

import java.io.IOException;
import java.net.http.HttpRequest;

/**
 * Where the bearer token of a request to the platform comes from. Every service and the gateway require a JWT from
 * the configured identity provider (services/chassis README, "Security"); a source fetches one, keeps it and fetches
 * the next before it expires.
 */
@FunctionalInterface
public interface TokenSource {

    /** No token: for stubs in tests, and platforms that do not ask for one. */
    TokenSource NONE = () -> null;

    /** The access token to send now, or null for none. */
    String token() throws IOException, InterruptedException;

    /** Adds {@code Authorization: Bearer …} to the request when there is a token. */
    default HttpRequest.Builder authorize(HttpRequest.Builder request) throws IOException, InterruptedException {
        String token = token();
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }
}
