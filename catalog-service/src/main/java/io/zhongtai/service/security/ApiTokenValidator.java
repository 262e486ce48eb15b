package io.zhongtai.service.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import io.zhongtai.core.security.ApiToken;
import io.zhongtai.core.security.IdentityStore;
import io.zhongtai.core.security.User;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Accepts API tokens wherever a JWT is accepted. A token is valid while it exists, has not
 * expired and its owner is enabled; it carries its owner's current roles.
 */
@Singleton
public final class ApiTokenValidator implements TokenValidator<HttpRequest<?>> {
    /** How often the last-use time is written; once per minute is enough to see dead tokens. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final IdentityStore identities;
    private final Principals principals;
    private final Clock clock;
    private final Scheduler blocking;

    public ApiTokenValidator(
            IdentityStore identities, Principals principals, Clock clock, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.identities = identities;
        this.principals = principals;
        this.clock = clock;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (token == null || !token.startsWith(ApiTokens.PREFIX)) {
            return Mono.empty();
        }
        // the store is blocking: keep it off the event loop
        return Mono.fromCallable(() -> validate(token).orElse(null)).subscribeOn(blocking);
    }

    private Optional<Authentication> validate(String token) {
        Instant now = clock.instant();
        Optional<ApiToken> found = identities.findTokenBySecretHash(ApiTokens.hash(token));
        if (found.isEmpty() || found.get().expired(now)) {
            return Optional.empty();
        }
        Optional<User> owner = identities.findUser(found.get().owner());
        if (owner.isEmpty() || owner.get().disabled()) {
            return Optional.empty();
        }
        Instant lastUsed = found.get().lastUsedAt();
        if (lastUsed == null || lastUsed.plus(TOUCH_INTERVAL).isBefore(now)) {
            identities.touchToken(found.get().id(), now);
        }
        return Optional.of(principals.authentication(owner.get()));
    }
}
