package org.chibo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chibo.identity.city.DemoCityDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The browser client {@code chibo-console}: log in on the form, authorize with PKCE, exchange the code; the access
 * token carries the same claims as the password grant's. Also: with the password grant off (the default), the token
 * endpoint does not know it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class AuthorizationCodeTest {

    private static final String REDIRECT = "http://127.0.0.1:5173/callback";

    @TempDir
    static Path keys;

    private static final int PORT = TestPorts.free();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestPorts.identityOn(registry, PORT, keys);
    }

    private final URI base = URI.create("http://localhost:" + PORT);
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aBrowserLogsInAndGetsATokenWithPkce() throws Exception {
        String verifier = "a-verifier-of-at-least-forty-three-characters-0123456789";
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = "/oauth2/authorize?response_type=code&client_id=chibo-console&scope=openid&state=s1"
                + "&redirect_uri=" + enc(REDIRECT) + "&code_challenge=" + challenge + "&code_challenge_method=S256";

        HttpResponse<String> first = get(authorize, "text/html");
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        String loginPage = get("/login", "text/html").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("the login form's CSRF token in %s", loginPage).isTrue();
        HttpResponse<String> login = post("/login", Map.of("username", "inspector.hongbang", "password", "chibo-demo",
                "_csrf", csrf.group(1)));
        assertThat(login.statusCode()).isEqualTo(302);

        HttpResponse<String> authorized = get(authorize, "text/html");
        assertThat(authorized.statusCode()).isEqualTo(302);
        URI back = URI.create(authorized.headers().firstValue("Location").orElseThrow());
        assertThat(back.toString()).startsWith(REDIRECT + "?code=");
        String code = back.getQuery().replaceAll(".*code=([^&]+).*", "$1");

        HttpResponse<String> token = post("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "client_id", "chibo-console", "code_verifier", verifier));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String accessToken = token.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(base + "/oauth2/jwks").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(base.toString()));
        Jwt jwt = decoder.decode(accessToken);
        assertThat(jwt.getSubject()).isEqualTo("inspector.hongbang");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("INSPECTOR");
        assertThat(jwt.getClaimAsString("org")).isEqualTo(DemoCityDirectory.unitId("HP.D01"));
    }

    @Test
    void withoutPkceTheConsoleIsRefused() throws Exception {
        HttpResponse<String> response = get("/oauth2/authorize?response_type=code&client_id=chibo-console&scope=openid"
                + "&redirect_uri=" + enc(REDIRECT), "text/html");
        // an error for the client, at its redirect URI: never a code
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).contains("error=invalid_request")
                .doesNotContain("code=");
    }

    @Test
    void thePasswordGrantIsOffUnlessEnabled() throws Exception {
        HttpResponse<String> response = post("/oauth2/token", Map.of("grant_type", "password", "client_id", "chibo-cli",
                "username", "admin", "password", "chibo-demo"));
        assertThat(response.statusCode()).isIn(400, 401);
        assertThat(response.body()).doesNotContain("access_token");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return browser.send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=').append(enc(v)));
        return browser.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", path.equals("/login") ? "text/html" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
