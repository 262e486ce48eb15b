package io.zhongtai.service.lineage.intake;

import io.zhongtai.core.lineage.SqlLineageExtractor;
import io.zhongtai.crawlers.sql.JSqlParserLineageExtractor;
import jakarta.inject.Singleton;

/**
 * The SQL lineage extractor the intake roads share (OpenLineage SQL facets, dbt compiled SQL,
 * query logs). Held in a holder of its own, not exposed as an {@link SqlLineageExtractor} bean,
 * so that it never competes with the bean the SQL lineage API defines.
 */
@Singleton
public class IntakeSqlExtractor {
    private final SqlLineageExtractor extractor = new JSqlParserLineageExtractor();

    public SqlLineageExtractor extractor() {
        return extractor;
    }
}
