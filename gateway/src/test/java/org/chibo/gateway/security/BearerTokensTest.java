package org.chibo.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BearerTokensTest {

    private final BearerTokens tokens = new BearerTokens(List.of("/api/v1/feed"));

    @Test
    void aQueryTokenPathTakesItselfAndWhatIsUnderIt() {
        assertThat(tokens.takesQueryToken("/api/v1/feed")).isTrue();
        assertThat(tokens.takesQueryToken("/api/v1/feed/branch-1")).isTrue();
    }

    @Test
    void notALongerNameNorAnythingElse() {
        assertThat(tokens.takesQueryToken("/api/v1/feedback")).isFalse();
        assertThat(tokens.takesQueryToken("/api/v1/findings")).isFalse();
        assertThat(tokens.takesQueryToken("/")).isFalse();
    }
}
