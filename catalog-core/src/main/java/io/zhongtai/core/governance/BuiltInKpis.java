package io.zhongtai.core.governance;

import java.util.List;
import java.util.Optional;

/** The KPIs every catalog has (API.md, "Governance"), with their populations. */
public final class BuiltInKpis {
    public static final String DESCRIPTION_COVERAGE = "description_coverage";
    public static final String OWNERSHIP_COVERAGE = "ownership_coverage";
    public static final String CLASSIFICATION_COVERAGE = "classification_coverage";
    public static final String PII_TAGGED = "pii_tagged";
    public static final String GLOSSARY_COVERAGE = "glossary_coverage";
    public static final String LINEAGE_COVERAGE = "lineage_coverage";
    public static final String CERTIFIED_METRICS = "certified_metrics";
    public static final String FRESHNESS = "freshness";
    public static final String BREAKING_CHANGES = "breaking_changes";
    public static final String UNUSED_ASSETS = "unused_assets";

    private static final List<KpiDefinition> ALL = List.of(
            coverage(DESCRIPTION_COVERAGE, "Description coverage",
                    "Tables and views whose own description and every column's description are filled in"),
            coverage(OWNERSHIP_COVERAGE, "Ownership coverage", "Tables and views with at least one owner"),
            coverage(CLASSIFICATION_COVERAGE, "Classification coverage",
                    "Columns the classifier or a steward has looked at (a classification or a manual tag)"),
            coverage(PII_TAGGED, "PII tagged",
                    "Columns holding personal data that carry a pii tag with its kind"),
            coverage(GLOSSARY_COVERAGE, "Glossary coverage",
                    "Tables and views linked to a glossary term, directly or through a column"),
            coverage(LINEAGE_COVERAGE, "Lineage coverage", "Tables and views with a lineage edge to or from another asset (what the lineage API walks)"),
            coverage(CERTIFIED_METRICS, "Certified metrics", "Metrics that are certified"),
            coverage(FRESHNESS, "Freshness",
                    "Tables with an expected update interval whose last change or load is within it"),
            count(BREAKING_CHANGES, "Breaking changes",
                    "Breaking schema changes in the report's window: one per changed or removed table or view and change event"),
            count(UNUSED_ASSETS, "Unused assets",
                    "Tables and views with no reads in the report's window, on warehouses whose query logs are harvested"));

    private BuiltInKpis() {}

    public static List<KpiDefinition> all() {
        return ALL;
    }

    public static Optional<KpiDefinition> find(String name) {
        return ALL.stream().filter(kpi -> kpi.name().equals(name)).findFirst();
    }

    private static KpiDefinition coverage(String name, String label, String description) {
        return new KpiDefinition(name, label, description, true, KpiUnit.PERCENT, false, null, null, null, null, "system");
    }

    private static KpiDefinition count(String name, String label, String description) {
        return new KpiDefinition(name, label, description, true, KpiUnit.COUNT, true, null, null, null, null, "system");
    }
}
