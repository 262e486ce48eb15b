package io.zhongtai.service.api;

import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.zhongtai.core.audit.AuditEntry;
import io.zhongtai.core.audit.AuditLog;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every write call to the API (accepted or refused) with user, time, action, target and
 * outcome. Reads are not recorded yet; metric queries will be when they exist.
 */
@ServerFilter("/api/**")
public class AuditFilter implements Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final AuditLog audit;
    private final Clock clock;

    public AuditFilter(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Before the security filter, so that calls it refuses are recorded too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!WRITES.contains(request.getMethod())) {
            return;
        }
        String user = request.getUserPrincipal().map(Principal::getName).orElse("anonymous");
        String route = BasicHttpAttributes.getUriTemplate(request).orElse(request.getPath());
        String target = URLDecoder.decode(request.getPath(), StandardCharsets.UTF_8);
        String detail = response.getBody(Problem.class).map(Problem::detail).orElse(null);
        try {
            audit.record(new AuditEntry(
                    UUID.randomUUID().toString(),
                    clock.instant(),
                    user,
                    request.getMethod() + " " + route,
                    target,
                    response.getStatus().getCode(),
                    detail));
        } catch (RuntimeException e) {
            // the call itself has happened; losing its audit line must be loud but must not change the answer
            LOG.error("Could not write the audit entry for {} {} by {}", request.getMethod(), target, user, e);
        }
    }
}
