package io.zhongtai.service.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.zhongtai.core.FieldError;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Makes every error Micronaut itself reports (unknown route, malformed JSON, unknown field,
 * missing or insufficient token) a problem document like ours.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {
    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        if (detail.isBlank() || detail.equals(status.getReason())) {
            detail = defaultDetail(status);
        }
        List<FieldError> errors = context.getErrors().stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> new FieldError(error.getPath().get(), error.getMessage()))
                .toList();
        Problem problem = new Problem(
                Problem.TYPE_PREFIX + Problems.slugFor(status),
                Problems.title(status),
                status.getCode(),
                detail,
                context.getRequest().getPath(),
                errors.isEmpty() ? null : errors,
                null);
        return response.contentType(Problem.MEDIA_TYPE).body(problem);
    }

    private static String defaultDetail(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "Sign in first: send 'Authorization: Bearer <token>' with a token from POST /login or an API token";
            case FORBIDDEN -> "Your role does not allow this action; see the roles in the README";
            case NOT_FOUND -> "No such resource";
            default -> status.getReason();
        };
    }
}
