package org.chibo.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SecuritySettingsTest {

    @Test
    void aQueryTokenIsTakenOnTheListedPathAndBelowItOnly() {
        SecuritySettings settings = new SecuritySettings("https://issuer", null, null, null, null, List.of("/api/v1/feed"));

        assertThat(settings.takesQueryToken("/api/v1/feed")).isTrue();
        assertThat(settings.takesQueryToken("/api/v1/feed/branch-1")).isTrue();
        assertThat(settings.takesQueryToken("/api/v1/feedback")).isFalse();
        assertThat(settings.takesQueryToken("/api/v1/findings")).isFalse();
        assertThat(new SecuritySettings("https://issuer", null, null, null, null, null).takesQueryToken("/api/v1/feed")).isFalse();
    }
}
