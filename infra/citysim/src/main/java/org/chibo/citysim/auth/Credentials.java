package org.chibo.citysim.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * How to log in to the identity provider with the password grant: its token endpoint, the public client, and the demo
 * password every demo account shares. The devstack's identity provider by default; Keycloak (docker-compose) at
 * {@code http://localhost:9000/realms/chibo/protocol/openid-connect/token} accepts the same request.
 */
public record Credentials(URI tokenUrl, String clientId, String password) {

    public static final URI DEFAULT_TOKEN_URL = URI.create("http://localhost:9000/oauth2/token");
    public static final String DEFAULT_CLIENT = "chibo-cli";
    public static final String DEMO_PASSWORD = "chibo-demo";
    /** The demo city's administrator (CITY_ADMIN bound to the city): loads, imports, closes periods. */
    public static final String ADMIN = "admin";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public static Credentials demo() {
        return demo(DEFAULT_TOKEN_URL);
    }

    public static Credentials demo(URI tokenUrl) {
        return new Credentials(tokenUrl, DEFAULT_CLIENT, DEMO_PASSWORD);
    }

    /** The token endpoint of the devstack's identity provider at {@code issuer}. */
    public static URI tokenUrlOf(URI issuer) {
        String base = issuer.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/oauth2/token");
    }

    /** Tokens of one user, fetched when first needed and again before they expire. */
    public PasswordGrantTokens of(String username) {
        return new PasswordGrantTokens(HTTP, this, username);
    }

    public PasswordGrantTokens admin() {
        return of(ADMIN);
    }
}
