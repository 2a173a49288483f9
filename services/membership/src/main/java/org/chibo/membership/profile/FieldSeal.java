package org.chibo.membership.profile;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import org.springframework.stereotype.Component;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;

/**
 * Encrypts single field values (Tink AEAD, AES256-GCM) bound to the member they belong to (the member id is the
 * associated data, so a ciphertext copied into another member's record does not decrypt), and computes the keyed hash
 * (Tink PRF, HMAC-SHA256, a separate key) that lets an identity number be found without storing it in clear. Bad or
 * missing keys stop the service at start-up rather than at the first profile.
 */
@Component
public class FieldSeal {

    private static final int HASH_BYTES = 32;

    private final Aead aead;
    private final PrfSet prf;

    FieldSeal(EncryptionSettings settings) {
        try {
            AeadConfig.register();
            PrfConfig.register();
            aead = keyset("keyset", settings.keyset()).getPrimitive(RegistryConfiguration.get(), Aead.class);
            prf = keyset("hash-keyset", settings.hashKeyset()).getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("chibo.membership.encryption: the keysets do not give an AEAD and a PRF: " + e.getMessage(), e);
        }
    }

    private static KeysetHandle keyset(String property, String base64Json) throws GeneralSecurityException {
        if (base64Json == null || base64Json.isBlank()) {
            throw new IllegalStateException("chibo.membership.encryption." + property + " is not set (a base64 Tink JSON keyset)");
        }
        String json = new String(Base64.getDecoder().decode(base64Json.strip()), StandardCharsets.UTF_8);
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }

    /** The value encrypted for {@code memberId}, base64. */
    public String seal(String plain, String memberId) {
        try {
            return Base64.getEncoder().encodeToString(aead.encrypt(plain.getBytes(StandardCharsets.UTF_8), ad(memberId)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt a field of member " + memberId, e);
        }
    }

    /** The plain value of {@link #seal}'s output; fails if it was sealed for another member or with an unknown key. */
    public String open(String sealed, String memberId) {
        try {
            return new String(aead.decrypt(Base64.getDecoder().decode(sealed), ad(memberId)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not decrypt a field of member " + memberId + " (wrong key or record)", e);
        }
    }

    /** The keyed hash of an identity number, base64: equal numbers, equal hashes; no number without the key. */
    public String hash(String value) {
        try {
            return Base64.getEncoder().encodeToString(prf.computePrimary(value.getBytes(StandardCharsets.UTF_8), HASH_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not hash a field", e);
        }
    }

    private static byte[] ad(String memberId) {
        return memberId.getBytes(StandardCharsets.UTF_8);
    }
}
