package io.zhongtai.nl.embed;

/**
 * The in-process embedding models run on DJL's tokenizers, whose telemetry connects out unless
 * told not to. Call {@link #configure()} before the first model loads (the service does at start;
 * tests also set both in the module's surefire and failsafe configuration).
 */
public final class OfflineModels {
    private OfflineModels() {}

    /** Sets {@code ai.djl.offline=true} and {@code OPT_OUT_TRACKING=true} unless already set. */
    public static void configure() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        // DJL reads OPT_OUT_TRACKING from the environment or, failing that, the system properties
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }
}
