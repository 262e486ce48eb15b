package io.zhongtai.service.security;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import io.zhongtai.core.security.IdentityStore;
import io.zhongtai.core.security.User;
import jakarta.inject.Singleton;
import java.util.Optional;

/** {@code POST /login}: checks the user's bcrypt hash and grants its effective roles. */
@Singleton
public final class PasswordAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {
    private final IdentityStore identities;
    private final Principals principals;

    public PasswordAuthenticationProvider(IdentityStore identities, Principals principals) {
        this.identities = identities;
        this.principals = principals;
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(
            @Nullable HttpRequest<B> request, @NonNull AuthenticationRequest<String, String> authenticationRequest) {
        String username = authenticationRequest.getIdentity();
        Optional<User> user = username == null ? Optional.empty() : identities.findUser(username);
        // one answer for unknown users and wrong passwords, so names cannot be probed
        if (user.isEmpty() || !Passwords.matches(authenticationRequest.getSecret(), user.get().passwordHash())) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        if (user.get().disabled()) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.USER_DISABLED);
        }
        return AuthenticationResponse.success(
                user.get().username(), principals.authentication(user.get()).getRoles(),
                principals.authentication(user.get()).getAttributes());
    }
}
