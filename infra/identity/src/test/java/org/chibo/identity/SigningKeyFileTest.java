package org.chibo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.nimbusds.jose.jwk.RSAKey;

import org.chibo.identity.keys.SigningKeyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void theKeyGeneratedOnTheFirstStartIsTheKeyOfEveryLaterStart() {
        Path file = dir.resolve("identity/signing-key.json");
        RSAKey first = SigningKeyFile.loadOrCreate(file);
        RSAKey again = SigningKeyFile.loadOrCreate(file);
        assertThat(first.isPrivate()).isTrue();
        assertThat(again.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(again.toPublicJWK()).isEqualTo(first.toPublicJWK());
    }
}
