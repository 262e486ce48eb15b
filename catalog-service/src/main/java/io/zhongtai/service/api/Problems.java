package io.zhongtai.service.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCategory;
import io.zhongtai.core.FieldError;
import java.util.List;
import java.util.Locale;

/** Builds problem responses; the one place where error categories meet HTTP status codes. */
public final class Problems {
    private Problems() {}

    public static HttpStatus status(ErrorCategory category) {
        return switch (category) {
            case USER_ERROR -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case EXTERNAL_SYSTEM -> HttpStatus.BAD_GATEWAY;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    public static MutableHttpResponse<Problem> of(HttpRequest<?> request, CatalogException e) {
        HttpStatus status = status(e.code().category());
        String detail = e.code().category() == ErrorCategory.INTERNAL
                ? "Zhongtai failed to handle the request; the server log has the details"
                : e.getMessage();
        return respond(
                status,
                new Problem(
                        Problem.TYPE_PREFIX + e.code().slug(),
                        title(status),
                        status.getCode(),
                        detail,
                        request == null ? null : request.getPath(),
                        e.fieldErrors().isEmpty() ? null : e.fieldErrors(),
                        e.position()));
    }

    public static MutableHttpResponse<Problem> of(
            HttpRequest<?> request, HttpStatus status, String slug, String detail, List<FieldError> errors) {
        return respond(
                status,
                new Problem(
                        Problem.TYPE_PREFIX + slug,
                        title(status),
                        status.getCode(),
                        detail,
                        request == null ? null : request.getPath(),
                        errors == null || errors.isEmpty() ? null : errors,
                        null));
    }

    private static MutableHttpResponse<Problem> respond(HttpStatus status, Problem problem) {
        return HttpResponse.<Problem>status(status).contentType(Problem.MEDIA_TYPE).body(problem);
    }

    static String title(HttpStatus status) {
        return status.getReason();
    }

    /** The slug for errors Micronaut raises itself (unknown route, bad JSON, missing token). */
    static String slugFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "invalid-request";
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case REQUEST_ENTITY_TOO_LARGE -> "request-too-large";
            case INTERNAL_SERVER_ERROR -> "internal-error";
            default -> status.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }
}
