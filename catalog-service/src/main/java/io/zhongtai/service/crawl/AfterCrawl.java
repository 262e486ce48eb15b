package io.zhongtai.service.crawl;

import io.zhongtai.core.Actor;
import io.zhongtai.core.warehouse.Warehouse;
import java.util.List;

/**
 * Work that follows every successful crawl of a warehouse (reading its query log, ...), run in
 * the crawl's thread before the run is marked finished. Its lines join the run's log; its failure
 * is logged there too and never fails the crawl, whose harvest is already written.
 */
public interface AfterCrawl {
    /** @return lines for the crawl run's log; empty when there was nothing to do */
    List<String> afterCrawl(Warehouse warehouse, Actor actor);
}
