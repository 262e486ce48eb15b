package io.zhongtai.core.harvest;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.warehouse.CrawlSettings;
import java.util.Locale;

/**
 * How careful applying a harvest is. A harvest that would remove more than {@code
 * maxRemovalShare} of the warehouse's live assets (a dropped schema, a revoked permission, a
 * mistyped include pattern) is refused, so that one bad crawl cannot retire a catalog. Removing
 * up to {@value #REMOVALS_ALWAYS_ALLOWED} assets is always allowed, so a small warehouse can
 * still drop a table. {@code force} applies an intended large removal.
 */
public record HarvestPolicy(double maxRemovalShare, boolean force) {
    public static final int REMOVALS_ALWAYS_ALLOWED = 10;
    public static final HarvestPolicy DEFAULT = new HarvestPolicy(CrawlSettings.DEFAULT_MAX_REMOVAL_SHARE, false);
    /** For deleting a warehouse, where removing everything is the point. */
    public static final HarvestPolicy REMOVE_ALL = new HarvestPolicy(1.0, true);

    public HarvestPolicy {
        if (!(maxRemovalShare >= 0 && maxRemovalShare <= 1)) {
            throw new IllegalArgumentException("maxRemovalShare is from 0 to 1, was " + maxRemovalShare);
        }
    }

    public static HarvestPolicy of(CrawlSettings settings, boolean force) {
        return new HarvestPolicy(settings.maxRemovalShare(), force);
    }

    /** Refuses the plan when it removes too much; the message says how much and what to do. */
    public void check(String warehouse, HarvestPlan plan) {
        int removed = plan.result().removed();
        long live = plan.liveBefore();
        if (force || removed <= REMOVALS_ALWAYS_ALLOWED || live == 0 || removed <= maxRemovalShare * live) {
            return;
        }
        throw new CatalogException(
                ErrorCode.REMOVAL_CAP_EXCEEDED,
                String.format(
                        Locale.ROOT,
                        "This crawl would remove %d of the %d assets of warehouse '%s' (%.0f%%), more than the %.0f%% "
                                + "allowed (maxRemovalShare). Nothing was changed. Check the warehouse and its include and "
                                + "exclude patterns; if the removal is intended, crawl again with force=true or raise maxRemovalShare.",
                        removed,
                        live,
                        warehouse,
                        100.0 * removed / live,
                        100.0 * maxRemovalShare));
    }
}
