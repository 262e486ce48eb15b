package io.zhongtai.core.governance;

/** A KPI over one part of its population: one owner, domain, warehouse or schema (null key: none). */
public record KpiBreakdown(String key, long count, long total) {}
