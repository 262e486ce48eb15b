package io.zhongtai.service.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhongtai.core.change.Change;
import io.zhongtai.metrics.catalog.DimensionInfo;
import io.zhongtai.metrics.catalog.MetricInfo;
import io.zhongtai.metrics.model.DimensionValue;
import io.zhongtai.metrics.model.Labels;
import io.zhongtai.metrics.model.Metric;
import io.zhongtai.metrics.model.MetricVersion;
import io.zhongtai.metrics.query.ResultColumn;
import io.zhongtai.metrics.yaml.DefinitionWriter;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the metrics API. */
final class MetricViews {
    private MetricViews() {}

    static JsonNode definition(Metric metric) {
        return DefinitionWriter.metric(metric);
    }

    record LabelsView(String en, String zh, List<String> synonymsEn, List<String> synonymsZh) {
        static LabelsView of(Labels labels) {
            return new LabelsView(labels.en(), labels.zh(), labels.synonymsEn(), labels.synonymsZh());
        }
    }

    /**
     * A metric in the marketplace listing.
     *
     * @param status and {@code version}: the version queries use (certified when there is one)
     * @param latestVersion and {@code latestStatus}: the newest version (a draft under review, maybe)
     */
    record Summary(String id, String name, String type, LabelsView labels, String description, String owner,
            String domain, List<String> tags, String unit, String format, String status, int version, boolean certified,
            int latestVersion, String latestStatus, String timeDimension, List<String> dimensions) {
        static Summary of(MetricInfo info, MetricVersion latest) {
            return new Summary("metric:" + info.name(), info.name(), info.type().value(), LabelsView.of(info.labels()),
                    info.description(), info.owner(), info.domain(), info.tags(), info.unit(), info.format(),
                    info.status() == null ? null : info.status().value(), info.version(),
                    info.status() == io.zhongtai.metrics.model.MetricStatus.CERTIFIED,
                    latest == null ? info.version() : latest.version(),
                    latest == null ? null : latest.status().value(), info.timeDimension(), info.dimensions());
        }
    }

    record Version(int version, String status, Instant at, String by, String reason, List<Change> changes) {
        static Version of(MetricVersion version) {
            return new Version(version.version(), version.status().value(), version.at(), version.by(), version.reason(),
                    version.changes());
        }
    }

    record Lineage(List<String> measures, List<String> columns, List<String> tables) {}

    record ValueView(String value, String en, String zh, List<String> synonyms) {
        static ValueView of(DimensionValue value) {
            return new ValueView(value.value(), value.labelEn(), value.labelZh(), value.synonyms());
        }
    }

    record DimensionView(String name, String type, LabelsView labels, String description, List<String> grains,
            List<ValueView> values) {
        static DimensionView of(DimensionInfo info) {
            return new DimensionView(info.name(), info.type().value(), LabelsView.of(info.labels()), info.description(),
                    info.grains().stream().map(g -> g.value()).toList(),
                    info.values().stream().map(ValueView::of).toList());
        }
    }

    /** A few values of the metric (by month, the latest twelve), or why there are none. */
    record Sample(List<ResultColumn> columns, List<List<Object>> rows, String unavailable) {}

    record Detail(Summary metric, JsonNode definition, JsonNode pendingDefinition, List<Version> versions,
            Lineage lineage, List<DimensionView> dimensions, Sample sample) {}

    record Sql(String sql) {}
}
