package io.zhongtai.core;

/**
 * The kind of failure an {@link ErrorCode} belongs to. The HTTP layer maps each category to
 * one status code; nothing else in the code base needs to know about HTTP.
 */
public enum ErrorCategory {
    /** The request is malformed or asks for something invalid (HTTP 400). */
    USER_ERROR,
    /** The caller is not signed in or the token is invalid (HTTP 401). */
    UNAUTHENTICATED,
    /** The caller is known but its role does not allow the action (HTTP 403). */
    FORBIDDEN,
    /** The named thing does not exist (HTTP 404). */
    NOT_FOUND,
    /** The request clashes with the current state, such as a duplicate name (HTTP 409). */
    CONFLICT,
    /** A system outside Zhongtai (a warehouse, a server) failed or is unreachable (HTTP 502). */
    EXTERNAL_SYSTEM,
    /** A defect or an unexpected failure inside Zhongtai (HTTP 500). */
    INTERNAL
}
