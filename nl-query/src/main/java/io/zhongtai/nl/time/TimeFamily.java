package io.zhongtai.nl.time;

/** The kinds of time expression the parser understands, for reporting accuracy per kind. */
public enum TimeFamily {
    /** today, yesterday, 昨天 */
    RELATIVE_DAY,
    /** last/this week, month, quarter, year; 上个月, 本季度, 去年 */
    RELATIVE_PERIOD,
    /** the last N days, weeks, months; 近30天 */
    LAST_N,
    /** 2024, 2024年 */
    YEAR,
    /** March 2025, 2024年3月 */
    MONTH,
    /** Q3 2025, 2025年第三季度 */
    QUARTER,
    /** the first half of 2025, 上半年 */
    HALF_YEAR,
    /** 2025-03-15, 3月15日, 双十一 */
    DATE,
    /** year-to-date, month-to-date, 今年以来 */
    TO_DATE,
    /** since X */
    SINCE,
    /** until X */
    UNTIL,
    /** between X and Y, from X to Y */
    BETWEEN,
    /**
     * the month before, the previous quarter, 前一个月: in a follow-up, the period just before the
     * one asked before; otherwise the one before asOf's
     */
    SHIFTED
}
