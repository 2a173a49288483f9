package org.chibo.citysim.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A token endpoint that numbers its tokens and says how long each lives, to see when a new one is fetched. */
class PasswordGrantTokensTest {

    private HttpServer server;
    private final List<String> forms = new ArrayList<>();
    private volatile long expiresIn = 3600;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth2/token", exchange -> {
            try (exchange) {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                byte[] body;
                int status;
                synchronized (forms) {
                    forms.add(form);
                    status = form.contains("password=chibo-demo") ? 200 : 400;
                    body = (status == 200 ? "{\"access_token\":\"token-" + forms.size() + "\",\"expires_in\":" + expiresIn + "}"
                            : "{\"error\":\"invalid_grant\"}").getBytes(StandardCharsets.UTF_8);
                }
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Credentials credentials(String password) {
        return new Credentials(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/token"),
                "chibo-cli", password);
    }

    @Test
    void aTokenIsFetchedOnceAndKeptWhileItLives() throws Exception {
        PasswordGrantTokens tokens = credentials("chibo-demo").of("secretary.haly");
        assertThat(forms).isEmpty(); // nothing before the first use
        assertThat(tokens.token()).isEqualTo("token-1");
        assertThat(tokens.token()).isEqualTo("token-1");
        assertThat(tokens.fetches()).isEqualTo(1);
        assertThat(forms).containsExactly("grant_type=password&client_id=chibo-cli&username=secretary.haly&password=chibo-demo");
    }

    @Test
    void aTokenAboutToExpireIsReplacedBeforeItIsSent() throws Exception {
        expiresIn = 0; // already inside the refresh margin when it arrives
        PasswordGrantTokens tokens = credentials("chibo-demo").of("admin");
        assertThat(tokens.token()).isEqualTo("token-1");
        assertThat(tokens.token()).isEqualTo("token-2");
        assertThat(tokens.fetches()).isEqualTo(2);
    }

    @Test
    void aRefusedLoginIsAnErrorNamingTheUser() {
        assertThatThrownBy(() -> credentials("wrong").of("HP79491545").token())
                .isInstanceOf(IOException.class).hasMessageContaining("HP79491545").hasMessageContaining("invalid_grant");
    }

    @Test
    void theTokenGoesInTheAuthorizationHeader() throws Exception {
        var request = credentials("chibo-demo").of("admin").authorize(java.net.http.HttpRequest.newBuilder(URI.create("http://x/")))
                .build();
        assertThat(request.headers().firstValue("Authorization")).hasValue("Bearer token-1");
        assertThat(TokenSource.NONE.authorize(java.net.http.HttpRequest.newBuilder(URI.create("http://x/"))).build()
                .headers().firstValue("Authorization")).isEmpty();
    }
}
