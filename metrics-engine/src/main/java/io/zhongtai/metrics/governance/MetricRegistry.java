package io.zhongtai.metrics.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.change.Change;
import io.zhongtai.core.change.FieldDiff;
import io.zhongtai.core.metrics.MetricStore;
import io.zhongtai.core.metrics.StoredDefinition;
import io.zhongtai.core.metrics.StoredMetric;
import io.zhongtai.core.security.Role;
import io.zhongtai.metrics.catalog.ManifestCatalog;
import io.zhongtai.metrics.compile.MetricCompiler;
import io.zhongtai.metrics.model.AccessPolicy;
import io.zhongtai.metrics.model.Metric;
import io.zhongtai.metrics.model.MetricStatus;
import io.zhongtai.metrics.model.MetricVersion;
import io.zhongtai.metrics.model.SemanticManifest;
import io.zhongtai.metrics.model.SemanticModel;
import io.zhongtai.metrics.semantic.SemanticIndex;
import io.zhongtai.metrics.validate.ManifestValidator;
import io.zhongtai.metrics.validate.Suggestions;
import io.zhongtai.metrics.yaml.DefinitionReader;
import io.zhongtai.metrics.yaml.DefinitionWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The governed metrics: every change goes through here, is validated by the one {@link
 * ManifestValidator}, and becomes a new version in the {@link MetricStore} with who, when, why
 * and what changed.
 *
 * <p>Lifecycle: a new or changed definition is a draft; a draft is submitted for review; a
 * steward or an admin certifies it (or sends it back to draft); a certified metric may be
 * deprecated. A certified definition is never changed in place: a change makes a new draft
 * version, and queries keep using the certified one until the draft is certified in its turn.
 * Queries use each metric's effective version: its latest certified (or deprecated) version,
 * else its latest version.
 */
public final class MetricRegistry {
    /** Lifecycle actions. */
    public enum Action {
        SUBMIT,
        CERTIFY,
        REJECT,
        DEPRECATE
    }

    /**
     * An immutable view of the definitions at one moment, with what is built from them.
     *
     * @param manifest semantic models, policies and the effective version of every metric
     * @param effective each metric's effective version
     * @param latest each metric's latest version (a pending draft, when there is one)
     */
    public record Snapshot(SemanticManifest manifest, SemanticIndex index, MetricCompiler compiler,
            ManifestCatalog catalog, Map<String, MetricVersion> effective, Map<String, MetricVersion> latest) {}

    private final MetricStore store;
    private final ManifestValidator validator;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public MetricRegistry(MetricStore store, ManifestValidator validator, Clock clock) {
        this.store = store;
        this.validator = validator;
        this.clock = clock;
        reload();
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** Rereads everything from the store (after a change made by another instance). */
    public synchronized void reload() {
        List<SemanticModel> models = new ArrayList<>();
        List<AccessPolicy> policies = new ArrayList<>();
        for (StoredDefinition definition : store.definitions()) {
            if (!definition.kind().equals(StoredDefinition.SEMANTIC_MODEL) && !definition.kind().equals(StoredDefinition.POLICY)) {
                continue;
            }
            SemanticManifest one = DefinitionReader.read(parse(definition.definition()), definition.kind() + " "
                    + definition.name());
            models.addAll(one.models());
            policies.addAll(one.policies());
        }
        Map<String, MetricVersion> latest = new TreeMap<>();
        Map<String, MetricVersion> effective = new TreeMap<>();
        for (StoredMetric stored : store.latest()) {
            MetricVersion version = toVersion(stored);
            latest.put(stored.name(), version);
            effective.put(stored.name(), isEffective(version.status()) ? version : effectiveOf(stored.name(), version));
        }
        build(models, policies, effective, latest);
    }

    private MetricVersion effectiveOf(String name, MetricVersion latest) {
        for (StoredMetric stored : store.versions(name)) {
            if (isEffective(MetricStatus.fromValue(stored.status()))) {
                return toVersion(stored);
            }
        }
        return latest;
    }

    private static boolean isEffective(MetricStatus status) {
        return status == MetricStatus.CERTIFIED || status == MetricStatus.DEPRECATED;
    }

    private void build(List<SemanticModel> models, List<AccessPolicy> policies, Map<String, MetricVersion> effective,
            Map<String, MetricVersion> latest) {
        List<Metric> metrics = effective.values().stream().map(MetricVersion::definition)
                .sorted(Comparator.comparing(Metric::name)).toList();
        SemanticManifest manifest = new SemanticManifest(
                models.stream().sorted(Comparator.comparing(SemanticModel::name)).toList(), metrics,
                policies.stream().sorted(Comparator.comparing(AccessPolicy::name)).toList());
        SemanticIndex index = new SemanticIndex(manifest);
        snapshot = new Snapshot(manifest, index, new MetricCompiler(index), new ManifestCatalog(index, effective),
                Map.copyOf(effective), Map.copyOf(latest));
    }

    // ---------------------------------------------------------------- changes

    /** A new metric, as version 1, a draft. */
    public synchronized MetricVersion create(Metric metric, Actor actor, Role role, String reason) {
        requireRole(role, Role.ANALYST, "create a metric");
        if (snapshot.latest().containsKey(metric.name())) {
            throw new CatalogException(ErrorCode.ALREADY_EXISTS, "Metric '" + metric.name() + "' exists; change it instead");
        }
        validateWith(metric);
        return write(metric, 1, MetricStatus.DRAFT, null, actor, reason == null ? "created" : reason);
    }

    /** A changed definition: a new draft version (a certified version stays in use until this one is certified). */
    public synchronized MetricVersion update(String name, Metric metric, Actor actor, Role role, String reason) {
        requireRole(role, Role.ANALYST, "change a metric");
        MetricVersion latest = latest(name);
        if (!metric.name().equals(name)) {
            throw CatalogException.invalid("name", "a metric is renamed by creating a new one; the body names '"
                    + metric.name() + "', the path '" + name + "'");
        }
        if (latest.status() == MetricStatus.IN_REVIEW) {
            throw new CatalogException(ErrorCode.LIFECYCLE_CONFLICT, "Metric '" + name + "' version " + latest.version()
                    + " is in review; a steward certifies or rejects it before it changes again");
        }
        if (DefinitionWriter.metric(metric).equals(DefinitionWriter.metric(latest.definition()))) {
            return latest;
        }
        validateWith(metric);
        return write(metric, latest.version() + 1, MetricStatus.DRAFT, latest, actor, reason);
    }

    /** A lifecycle action on a metric's latest version; makes a new version with the new status. */
    public synchronized MetricVersion transition(String name, Action action, Actor actor, Role role, String reason) {
        MetricVersion latest = latest(name);
        MetricStatus from = latest.status();
        MetricStatus to;
        switch (action) {
            case SUBMIT -> {
                requireRole(role, Role.ANALYST, "submit a metric for review");
                requireStatus(latest, MetricStatus.DRAFT, "submitted");
                to = MetricStatus.IN_REVIEW;
            }
            case CERTIFY -> {
                requireRole(role, Role.STEWARD, "certify a metric");
                requireStatus(latest, MetricStatus.IN_REVIEW, "certified");
                validateWith(latest.definition());
                to = MetricStatus.CERTIFIED;
            }
            case REJECT -> {
                requireRole(role, Role.STEWARD, "send a metric back to draft");
                requireStatus(latest, MetricStatus.IN_REVIEW, "sent back to draft");
                to = MetricStatus.DRAFT;
            }
            case DEPRECATE -> {
                requireRole(role, Role.STEWARD, "deprecate a metric");
                requireStatus(latest, MetricStatus.CERTIFIED, "deprecated");
                to = MetricStatus.DEPRECATED;
            }
            default -> throw new IllegalStateException("unhandled action " + action);
        }
        if (reason == null || reason.isBlank()) {
            reason = action.name().toLowerCase(java.util.Locale.ROOT) + (from == null ? "" : " from " + from.value());
        }
        return write(latest.definition(), latest.version() + 1, to, latest, actor, reason);
    }

    /**
     * Applies a whole set of definitions (metrics-as-code, a dbt import): semantic models and
     * policies are created or replaced; each new metric becomes a draft, each changed one a new
     * draft version; unchanged metrics stay as they are. With {@code certify}, every metric
     * written is certified at once (stewards and admins; the demo's start-up).
     *
     * @return the versions written, by metric name
     */
    public synchronized Map<String, MetricVersion> apply(SemanticManifest definitions, Actor actor, Role role,
            String reason, boolean certify) {
        requireRole(role, certify ? Role.STEWARD : Role.ANALYST, certify ? "certify metrics" : "change definitions");
        if (!definitions.models().isEmpty() || !definitions.policies().isEmpty()) {
            requireRole(role, Role.STEWARD, "change semantic models or access policies");
        }
        SemanticManifest current = snapshot.manifest();
        List<SemanticModel> models = new ArrayList<>(current.models());
        for (SemanticModel model : definitions.models()) {
            models.removeIf(m -> m.name().equals(model.name()));
            models.add(model);
        }
        List<AccessPolicy> policies = new ArrayList<>(current.policies());
        for (AccessPolicy policy : definitions.policies()) {
            policies.removeIf(p -> p.name().equals(policy.name()));
            policies.add(policy);
        }
        Map<String, Metric> metrics = new LinkedHashMap<>();
        current.metrics().forEach(m -> metrics.put(m.name(), m));
        definitions.metrics().forEach(m -> metrics.put(m.name(), m));
        SemanticManifest candidate = new SemanticManifest(models, new ArrayList<>(metrics.values()), policies);
        validator.validate(candidate);
        for (Metric metric : definitions.metrics()) {
            MetricVersion latest = snapshot.latest().get(metric.name());
            if (latest != null && latest.status() == MetricStatus.IN_REVIEW && !certify) {
                throw new CatalogException(ErrorCode.LIFECYCLE_CONFLICT, "Metric '" + metric.name()
                        + "' is in review; a steward certifies or rejects it before it changes again");
            }
        }
        List<StoredDefinition> stored = new ArrayList<>();
        for (SemanticModel model : definitions.models()) {
            stored.add(new StoredDefinition(StoredDefinition.SEMANTIC_MODEL, model.name(), json(
                    DefinitionWriter.manifest(new SemanticManifest(List.of(model), List.of(), List.of())))));
        }
        for (AccessPolicy policy : definitions.policies()) {
            stored.add(new StoredDefinition(StoredDefinition.POLICY, policy.name(), json(
                    DefinitionWriter.manifest(new SemanticManifest(List.of(), List.of(), List.of(policy))))));
        }
        if (!stored.isEmpty()) {
            store.putDefinitions(stored, List.of(), actor);
            build(models, policies, snapshot.effective(), snapshot.latest());
        }
        Map<String, MetricVersion> written = new LinkedHashMap<>();
        for (Metric metric : definitions.metrics()) {
            MetricVersion latest = snapshot.latest().get(metric.name());
            boolean unchanged = latest != null
                    && DefinitionWriter.metric(metric).equals(DefinitionWriter.metric(latest.definition()));
            if (unchanged && (!certify || latest.status() == MetricStatus.CERTIFIED)) {
                continue;
            }
            MetricVersion version = latest;
            if (!unchanged) {
                version = write(metric, latest == null ? 1 : latest.version() + 1, MetricStatus.DRAFT, latest, actor,
                        reason == null ? (latest == null ? "created" : "changed") : reason);
            }
            if (certify) {
                if (version.status() == MetricStatus.DRAFT) {
                    version = write(metric, version.version() + 1, MetricStatus.IN_REVIEW, version, actor, "submitted");
                }
                version = write(metric, version.version() + 1, MetricStatus.CERTIFIED, version, actor,
                        reason == null ? "certified" : reason);
            }
            written.put(metric.name(), version);
        }
        return written;
    }

    private MetricVersion write(Metric metric, int version, MetricStatus status, MetricVersion previous, Actor actor,
            String reason) {
        List<Change> changes = previous == null ? List.of() : diff(previous, metric, status);
        SemanticIndex index = candidateIndex(metric);
        MetricLineage lineage = MetricLineage.of(index, metric);
        StoredMetric stored = new StoredMetric(metric.name(), version, status.value(), json(DefinitionWriter.metric(metric)),
                actor.name(), clock.instant(), reason, changes, new StoredMetric.Facts(metric.type().value(),
                        metric.labels().en(), metric.labels().zh(), metric.description(), ownerId(metric.owner()),
                        metric.domain(), metric.tags(), metric.unit(), lineage.columns(), lineage.tables()));
        store.append(stored, actor);
        MetricVersion written = toVersion(stored);
        Map<String, MetricVersion> latest = new TreeMap<>(snapshot.latest());
        Map<String, MetricVersion> effective = new TreeMap<>(snapshot.effective());
        latest.put(metric.name(), written);
        if (isEffective(status) || !effective.containsKey(metric.name())
                || !isEffective(effective.get(metric.name()).status())) {
            effective.put(metric.name(), written);
        }
        build(snapshot.manifest().models(), snapshot.manifest().policies(), effective, latest);
        return written;
    }

    /** An owner as an asset id: {@code user:alice}, {@code group:data-team}, or a bare name, read as a group. */
    private static AssetId ownerId(String owner) {
        if (owner == null) {
            return null;
        }
        if (owner.startsWith("user:") || owner.startsWith("group:")) {
            return AssetId.parse(owner);
        }
        return AssetId.of(AssetType.GROUP, owner);
    }

    private SemanticIndex candidateIndex(Metric metric) {
        SemanticManifest current = snapshot.manifest();
        List<Metric> metrics = new ArrayList<>(current.metrics());
        metrics.removeIf(m -> m.name().equals(metric.name()));
        metrics.add(metric);
        return new SemanticIndex(new SemanticManifest(current.models(), metrics, current.policies()));
    }

    private void validateWith(Metric metric) {
        SemanticManifest current = snapshot.manifest();
        List<Metric> metrics = new ArrayList<>(current.metrics());
        metrics.removeIf(m -> m.name().equals(metric.name()));
        metrics.add(metric);
        validator.validate(new SemanticManifest(current.models(), metrics, current.policies()));
    }

    private static List<Change> diff(MetricVersion previous, Metric metric, MetricStatus status) {
        Map<String, Object> before = flatten(DefinitionWriter.metric(previous.definition()));
        Map<String, Object> after = flatten(DefinitionWriter.metric(metric));
        before.put("status", previous.status().value());
        after.put("status", status.value());
        return FieldDiff.diff(before, after);
    }

    private static Map<String, Object> flatten(JsonNode node) {
        Map<String, Object> out = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            out.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
        }
        return out;
    }

    // ---------------------------------------------------------------- reads

    public List<MetricVersion> versions(String name) {
        List<StoredMetric> stored = store.versions(name);
        if (stored.isEmpty()) {
            throw notFound(name);
        }
        return stored.stream().map(MetricRegistry::toVersion).toList();
    }

    public Optional<MetricVersion> effective(String name) {
        return Optional.ofNullable(snapshot.effective().get(name));
    }

    private MetricVersion latest(String name) {
        MetricVersion latest = snapshot.latest().get(name);
        if (latest == null) {
            throw notFound(name);
        }
        return latest;
    }

    private CatalogException notFound(String name) {
        return new CatalogException(ErrorCode.METRIC_NOT_FOUND, "No metric '" + name + "'"
                + Suggestions.didYouMean(name, snapshot.latest().keySet()));
    }

    private static void requireRole(Role role, Role needed, String what) {
        if (role.ordinal() < needed.ordinal()) {
            throw new CatalogException(ErrorCode.FORBIDDEN, "Only " + switch (needed) {
                case ANALYST -> "analysts, stewards or admins";
                case STEWARD -> "stewards or admins";
                default -> needed.value() + "s";
            } + " may " + what + "; you are " + role.value());
        }
    }

    private static void requireStatus(MetricVersion latest, MetricStatus needed, String what) {
        if (latest.status() != needed) {
            throw new CatalogException(ErrorCode.LIFECYCLE_CONFLICT, "Metric '" + latest.metric() + "' version "
                    + latest.version() + " is " + latest.status().value() + "; only a " + needed.value()
                    + " metric can be " + what);
        }
    }

    private static MetricVersion toVersion(StoredMetric stored) {
        Metric metric = DefinitionReader.readMetric(parse(stored.definition()), "metric " + stored.name());
        return new MetricVersion(stored.name(), stored.version(), MetricStatus.fromValue(stored.status()), metric,
                stored.by(), stored.at(), stored.reason(), stored.changes());
    }

    private static JsonNode parse(String json) {
        try {
            return DefinitionReader.json().readTree(json);
        } catch (JsonProcessingException e) {
            throw new CatalogException(ErrorCode.INTERNAL_ERROR, "A stored definition is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String json(JsonNode node) {
        try {
            return DefinitionReader.json().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Metric names in order, for listings. */
    public static Comparator<MetricVersion> byName() {
        return Comparator.comparing(MetricVersion::metric);
    }
}
