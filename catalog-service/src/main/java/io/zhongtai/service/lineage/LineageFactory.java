package io.zhongtai.service.lineage;

import io.micronaut.context.annotation.Factory;
import io.zhongtai.core.lineage.SqlLineageExtractor;
import io.zhongtai.crawlers.sql.JSqlParserLineageExtractor;
import jakarta.inject.Singleton;

/** The SQL lineage extractor: JSqlParser with Zhongtai's own resolver (README explains the choice). */
@Factory
class LineageFactory {
    @Singleton
    SqlLineageExtractor sqlLineageExtractor() {
        return new JSqlParserLineageExtractor();
    }
}
