package io.zhongtai.service.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import io.zhongtai.service.config.HomeDirectory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Signs login tokens with HS256 under the instance's JWT secret (configured, or generated once
 * and kept in the home), and is the only signature tokens are verified against, so tokens stay
 * valid across restarts and unsigned ones are refused.
 *
 * <p>This is a bean of our own rather than Micronaut's property-driven secret signature because
 * the secret may be generated at first start, after configuration is read; Micronaut does not
 * pick up a {@link SecretSignature} produced by a factory.
 */
@Singleton
@Named("generator")
public final class InstanceJwtSignature implements SignatureGeneratorConfiguration {
    private final SecretSignature signature;

    public InstanceJwtSignature(HomeDirectory home) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setSecret(home.jwtSecret());
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        this.signature = new SecretSignature(configuration);
    }

    @Override
    public SignedJWT sign(JWTClaimsSet claims) throws JOSEException {
        return signature.sign(claims);
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return signature.supportedAlgorithmsMessage();
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return signature.supports(algorithm);
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        return signature.verify(jwt);
    }
}
