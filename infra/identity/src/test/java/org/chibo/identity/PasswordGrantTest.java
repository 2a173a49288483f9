package org.chibo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.chibo.identity.city.DemoCityDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tokens as the services get them: the password grant for each kind of demo account, verified the way a service
 * verifies them (the issuer's key set, the issuer), carrying the roles, organisation and member id of the account;
 * and the refusals an OAuth2 client must understand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "chibo.identity.password-grant.enabled=true")
class PasswordGrantTest {

    @TempDir
    static Path keys;

    private static final int PORT = TestPorts.free();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestPorts.identityOn(registry, PORT, keys);
    }

    private final int port = PORT;

    private static JwtDecoder decoder;

    private TokenClient client() {
        return new TokenClient(port);
    }

    private Jwt verified(String username) throws Exception {
        TokenClient.Answer answer = client().password("chibo-cli", username, "chibo-demo");
        assertThat(answer.status()).as("%s", answer.json()).isEqualTo(200);
        assertThat(answer.json().path("token_type").asString()).isEqualTo("Bearer");
        String issuer = "http://localhost:" + port;
        NimbusJwtDecoder jwt = NimbusJwtDecoder.withJwkSetUri(issuer + "/oauth2/jwks").build();
        jwt.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        decoder = jwt;
        return jwt.decode(answer.json().path("access_token").asString());
    }

    @Test
    void theCityAdminIsBoundToTheCity() throws Exception {
        Jwt token = verified("admin");
        assertThat(token.getSubject()).isEqualTo("admin");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("CITY_ADMIN");
        assertThat(token.getClaimAsString("org")).isEqualTo(DemoCityDirectory.unitId("HP"));
        assertThat(token.hasClaim("member_id")).isFalse();
        assertThat(token.getClaimAsString("name")).isNotBlank();
    }

    @Test
    void committeeStaffAreBoundToTheirDistrictCommittee() throws Exception {
        assertThat(verified("staff.hongbang").getClaimAsString("org")).isEqualTo(DemoCityDirectory.unitId("HP.D01"));
        Jwt lechan = verified("staff.lechan");
        assertThat(lechan.getClaimAsString("org")).isEqualTo(DemoCityDirectory.unitId("HP.D02"));
        assertThat(lechan.getClaimAsStringList("roles")).containsExactly("COMMITTEE_STAFF");
    }

    @Test
    void branchSecretariesAreBoundToTheirBranch() throws Exception {
        Jwt haly = verified("secretary.haly");
        assertThat(haly.getClaimAsStringList("roles")).containsExactly("BRANCH_SECRETARY");
        assertThat(haly.getClaimAsString("org")).isEqualTo(DemoCityDirectory.unitId("HP.D01.G001.B004"));
        assertThat(verified("secretary.anbien").getClaimAsString("org"))
                .isEqualTo(DemoCityDirectory.unitId("HP.D02.G001.B004"));
    }

    @Test
    void inspectorsAreBoundToTheCommitteeTheyServe() throws Exception {
        Jwt city = verified("inspector.city");
        assertThat(city.getClaimAsStringList("roles")).containsExactly("INSPECTOR");
        assertThat(city.getClaimAsString("org")).isEqualTo(DemoCityDirectory.unitId("HP"));
        assertThat(verified("inspector.hongbang").getClaimAsString("org")).isEqualTo(DemoCityDirectory.unitId("HP.D01"));
    }

    @Test
    void anyMemberOfTheDemoCityLogsInWithTheirCardNumber() throws Exception {
        // the first member of the generated city (citysim seed 42): Nguyễn Diệu Linh, Chi bộ Cơ quan phường Hạ Lý
        Jwt member = verified("HP79491545");
        assertThat(member.getSubject()).isEqualTo("HP79491545");
        assertThat(member.getClaimAsStringList("roles")).containsExactly("MEMBER");
        assertThat(member.getClaimAsString("member_id")).isEqualTo(DemoCityDirectory.memberId("HP79491545"));
        assertThat(member.getClaimAsString("org")).isEqualTo(DemoCityDirectory.unitId("HP.D01.G001.B001"));
        assertThat(member.getClaimAsString("name")).isEqualTo("Nguyễn Diệu Linh");
    }

    @Test
    void aTokenLivesAnHourByDefault() throws Exception {
        Jwt token = verified("admin");
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofHours(1));
        assertThat(token.getIssuedAt()).isBefore(Instant.now().plusSeconds(5));
    }

    @Test
    void aTokenSignedByAnotherKeyDoesNotVerify() throws Exception {
        verified("admin");
        String token = client().password("chibo-cli", "admin", "chibo-demo").json().path("access_token").asString();
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertThatThrownBy(() -> decoder.decode(tampered)).isInstanceOf(JwtException.class);
    }

    @Test
    void aWrongPasswordIsAnInvalidGrant() throws Exception {
        TokenClient.Answer answer = client().password("chibo-cli", "admin", "wrong");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(answer.json().has("access_token")).isFalse();
    }

    @Test
    void anUnknownUserIsAnInvalidGrantToo() throws Exception {
        TokenClient.Answer answer = client().password("chibo-cli", "HP00000000", "chibo-demo");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void anUnknownClientIsAnInvalidClient() throws Exception {
        TokenClient.Answer answer = client().password("someone-else", "admin", "chibo-demo");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void theBrowserClientMayNotUseThePasswordGrant() throws Exception {
        TokenClient.Answer answer = client().password("chibo-console", "admin", "chibo-demo");
        assertThat(answer.status()).as("%s", answer.json()).isEqualTo(400);
        assertThat(answer.json().path("error").asString()).isEqualTo("unauthorized_client");
    }

    @Test
    void aMissingPasswordIsAnInvalidRequest() throws Exception {
        TokenClient.Answer answer = client().post("/oauth2/token",
                java.util.Map.of("grant_type", "password", "client_id", "chibo-cli", "username", "admin"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asString()).isEqualTo("invalid_request");
    }

    @Test
    void discoveryNamesTheIssuerAndItsKeySet() throws Exception {
        var discovery = client().get("/.well-known/openid-configuration");
        assertThat(discovery.path("issuer").asString()).isEqualTo("http://localhost:" + port);
        assertThat(discovery.path("jwks_uri").asString()).isEqualTo("http://localhost:" + port + "/oauth2/jwks");
        var keySet = client().get("/oauth2/jwks");
        assertThat(keySet.path("keys")).hasSize(1);
        assertThat(keySet.path("keys").path(0).path("kty").asString()).isEqualTo("RSA");
        assertThat(keySet.path("keys").path(0).has("d")).as("no private part in the published key set").isFalse();
        assertThat(List.of(keys.resolve("signing-key.json").toFile().exists())).containsExactly(true);
    }
}
