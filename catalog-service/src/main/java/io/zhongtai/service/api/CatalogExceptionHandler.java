package io.zhongtai.service.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCategory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every {@link CatalogException} becomes a problem document with the status of its category. */
@Produces
@Singleton
@Requires(classes = {CatalogException.class, ExceptionHandler.class})
public final class CatalogExceptionHandler implements ExceptionHandler<CatalogException, HttpResponse<Problem>> {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogExceptionHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, CatalogException exception) {
        ErrorCategory category = exception.code().category();
        if (category == ErrorCategory.INTERNAL) {
            LOG.error("{} {} failed", request.getMethod(), request.getPath(), exception);
        } else if (category == ErrorCategory.EXTERNAL_SYSTEM) {
            LOG.warn("{} {}: {}", request.getMethod(), request.getPath(), exception.getMessage());
        }
        return Problems.of(request, exception);
    }
}
