package org.chibo.membership.profile;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chibo.membership.encryption.*}: the keys that protect the most sensitive profile fields at rest. Each is a
 * Tink JSON keyset, base64-encoded, from the environment in any real deployment (application.yml documents the
 * demo-only defaults).
 *
 * @param keyset     AEAD keyset (AES256_GCM) that encrypts the identity number, phone and permanent address
 * @param hashKeyset PRF keyset (HMAC_SHA256_PRF), a separate key, for the keyed hash that finds a member by identity number
 */
@ConfigurationProperties("chibo.membership.encryption")
public record EncryptionSettings(String keyset, String hashKeyset) {
}
