package io.zhongtai.service;

import io.micronaut.context.ApplicationContext;
import io.zhongtai.core.Actor;
import io.zhongtai.service.search.RebuildRun;
import io.zhongtai.service.search.SearchProjection;
import java.util.Locale;
import java.util.Map;

/** {@code reindex}: rebuilds the search index from the catalog with the server's configuration. */
final class SearchCommand {
    private SearchCommand() {}

    static int reindex(String[] args, Map<String, Object> properties) {
        if (args.length > 0) {
            System.err.println("reindex takes no options, not '" + args[0] + "'.");
            return 2;
        }
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            SearchProjection projection = context.getBean(SearchProjection.class);
            RebuildRun run = projection.rebuild(Actor.SYSTEM);
            if (run.status() != RebuildRun.Status.SUCCEEDED) {
                System.err.println("Rebuilding the search index failed: " + run.error());
                return 1;
            }
            System.out.println(String.format(Locale.ROOT,
                    "Search index rebuilt from the catalog: %,d documents at change %d in %.1f s (%,.0f documents/s)",
                    run.documents(), run.sequence(), run.seconds(), run.documentsPerSecond()));
            return 0;
        } catch (RuntimeException e) {
            System.err.println("The search index could not be rebuilt: " + e.getMessage()
                    + "\n(Is the server running on the same ZHONGTAI_HOME? Stop it first, or use POST /api/v1/admin/search/rebuild.)");
            return 1;
        }
    }
}
