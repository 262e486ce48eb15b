package io.zhongtai.core.security;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets (warehouse passwords) for storage with AES-256-GCM under the instance's secret
 * key. The sealed form is {@code v1:<base64 of nonce and ciphertext with tag>}; a wrong key or
 * a tampered value fails to open instead of giving garbage.
 */
public final class SecretCipher {
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    /** @param key 32 bytes */
    public SecretCipher(byte[] key) {
        requireNonNull(key, "key is null");
        if (key.length != 32) {
            throw new IllegalArgumentException("the secret key must be 32 bytes (256 bits), was " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A new random key, base64-encoded, for a first start. */
    public static String generateKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Reads a base64 key; the error says what is expected. */
    public static SecretCipher fromBase64(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ZHONGTAI_SECRET_KEY must be base64 of 32 random bytes", e);
        }
        return new SecretCipher(key);
    }

    public String seal(String clearText) {
        if (clearText == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(clearText.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new CatalogException(ErrorCode.INTERNAL_ERROR, "Could not encrypt a secret", e);
        }
    }

    public String open(String sealedText) {
        if (sealedText == null) {
            return null;
        }
        if (!sealedText.startsWith(PREFIX)) {
            throw new CatalogException(ErrorCode.INTERNAL_ERROR, "A stored secret is not in a known sealed format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealedText.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CatalogException(
                    ErrorCode.INTERNAL_ERROR,
                    "A stored secret cannot be decrypted: ZHONGTAI_SECRET_KEY differs from the key it was sealed with",
                    e);
        }
    }
}
