package io.zhongtai.core.warehouse;

import io.zhongtai.core.Page;
import io.zhongtai.core.PageRequest;
import java.util.Optional;

/** Durable record of crawl runs: saved when they start, as they progress and when they end. */
public interface CrawlRunStore {
    /** Inserts or replaces the run with the same id. */
    void save(CrawlRun run);

    Optional<CrawlRun> find(String id);

    /** Runs of one warehouse (or of all when null), newest first. */
    Page<CrawlRun> list(String warehouse, PageRequest page);
}
