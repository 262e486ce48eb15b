package io.zhongtai.core;

/**
 * Every error Zhongtai reports, each with its {@link ErrorCategory}. The code's name (lower
 * case, dashes) becomes the last segment of the problem document's {@code type}.
 */
public enum ErrorCode {
    INVALID_REQUEST(ErrorCategory.USER_ERROR),
    INVALID_IDENTIFIER(ErrorCategory.USER_ERROR),
    UNKNOWN_REFERENCE(ErrorCategory.USER_ERROR),
    /** A metric asked with a dimension (or a filter on one) that it cannot reach without double counting. */
    UNREACHABLE_DIMENSION(ErrorCategory.USER_ERROR),
    UNAUTHENTICATED(ErrorCategory.UNAUTHENTICATED),
    FORBIDDEN(ErrorCategory.FORBIDDEN),
    ASSET_NOT_FOUND(ErrorCategory.NOT_FOUND),
    WAREHOUSE_NOT_FOUND(ErrorCategory.NOT_FOUND),
    CRAWL_RUN_NOT_FOUND(ErrorCategory.NOT_FOUND),
    USER_NOT_FOUND(ErrorCategory.NOT_FOUND),
    GROUP_NOT_FOUND(ErrorCategory.NOT_FOUND),
    TOKEN_NOT_FOUND(ErrorCategory.NOT_FOUND),
    METRIC_NOT_FOUND(ErrorCategory.NOT_FOUND),
    /** A question's conversation that is unknown, expired or another user's. */
    CONVERSATION_NOT_FOUND(ErrorCategory.NOT_FOUND),
    ALREADY_EXISTS(ErrorCategory.CONFLICT),
    IN_USE(ErrorCategory.CONFLICT),
    ASSET_REMOVED(ErrorCategory.CONFLICT),
    CRAWL_ALREADY_RUNNING(ErrorCategory.CONFLICT),
    REMOVAL_CAP_EXCEEDED(ErrorCategory.CONFLICT),
    /** A warehouse whose query log is switched off, not installed or not readable by the catalog login. */
    QUERY_LOG_UNAVAILABLE(ErrorCategory.CONFLICT),
    SEARCH_REBUILD_RUNNING(ErrorCategory.CONFLICT),
    SEARCH_REBUILD_NOT_FOUND(ErrorCategory.NOT_FOUND),
    /** A metric's lifecycle does not allow the change (a certified version changed in place, ...). */
    LIFECYCLE_CONFLICT(ErrorCategory.CONFLICT),
    /** A metric query was cancelled before it finished. */
    QUERY_CANCELLED(ErrorCategory.CONFLICT),
    WAREHOUSE_UNAVAILABLE(ErrorCategory.EXTERNAL_SYSTEM),
    STORE_UNAVAILABLE(ErrorCategory.EXTERNAL_SYSTEM),
    /** A warehouse query ran past its statement timeout. */
    QUERY_TIMEOUT(ErrorCategory.EXTERNAL_SYSTEM),
    INTERNAL_ERROR(ErrorCategory.INTERNAL);

    private final ErrorCategory category;

    ErrorCode(ErrorCategory category) {
        this.category = category;
    }

    public ErrorCategory category() {
        return category;
    }

    /** The code as it appears in URLs and problem types: {@code ASSET_NOT_FOUND -> asset-not-found}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
