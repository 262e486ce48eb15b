package io.zhongtai.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
    private final SecretCipher cipher = SecretCipher.fromBase64(SecretCipher.generateKey());

    @Test
    void sealsAndOpens() {
        String sealed = cipher.seal("s3cret-密码");
        assertThat(sealed).startsWith("v1:").doesNotContain("s3cret");
        assertThat(cipher.open(sealed)).isEqualTo("s3cret-密码");
    }

    @Test
    void sealsTheSameTextDifferentlyEachTime() {
        assertThat(cipher.seal("same")).isNotEqualTo(cipher.seal("same"));
    }

    @Test
    void refusesToOpenWithAnotherKey() {
        String sealed = cipher.seal("password");
        SecretCipher other = SecretCipher.fromBase64(SecretCipher.generateKey());
        assertThatThrownBy(() -> other.open(sealed))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("ZHONGTAI_SECRET_KEY");
    }

    @Test
    void detectsTampering() {
        String sealed = cipher.seal("password");
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        assertThatThrownBy(() -> cipher.open(tampered)).isInstanceOf(CatalogException.class);
    }

    @Test
    void rejectsAShortKey() {
        assertThatThrownBy(() -> SecretCipher.fromBase64("c2hvcnQ=")).hasMessageContaining("32 bytes");
    }

    @Test
    void leavesNullAsNull() {
        assertThat(cipher.seal(null)).isNull();
        assertThat(cipher.open(null)).isNull();
    }
}
