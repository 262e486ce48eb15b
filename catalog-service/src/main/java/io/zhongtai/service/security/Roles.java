package io.zhongtai.service.security;

/** Role names as {@code @Secured} takes them; see {@link io.zhongtai.core.security.Role} for what each may do. */
public final class Roles {
    public static final String VIEWER = "viewer";
    public static final String ANALYST = "analyst";
    public static final String STEWARD = "steward";
    public static final String ADMIN = "admin";

    private Roles() {}
}
