package io.zhongtai.service.security;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.event.LoginFailedEvent;
import io.micronaut.security.event.LoginSuccessfulEvent;
import io.zhongtai.core.audit.AuditEntry;
import io.zhongtai.core.audit.AuditLog;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;

/** Sign-ins, successful or not, go to the audit log. */
@Singleton
public class LoginAudit {
    private final AuditLog audit;
    private final Clock clock;

    public LoginAudit(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void onSuccess(LoginSuccessfulEvent event) {
        String user = event.getSource() instanceof Authentication authentication ? authentication.getName() : "unknown";
        audit.record(new AuditEntry(UUID.randomUUID().toString(), clock.instant(), user, "POST /login", null, 200, null));
    }

    @EventListener
    void onFailure(LoginFailedEvent event) {
        String reason = event.getSource() instanceof AuthenticationResponse response
                ? response.getMessage().orElse("credentials refused")
                : "credentials refused";
        String user = event.getAuthenticationRequest() != null && event.getAuthenticationRequest().getIdentity() != null
                ? String.valueOf(event.getAuthenticationRequest().getIdentity())
                : "unknown";
        audit.record(new AuditEntry(UUID.randomUUID().toString(), clock.instant(), user, "POST /login", null, 401, reason));
    }
}
