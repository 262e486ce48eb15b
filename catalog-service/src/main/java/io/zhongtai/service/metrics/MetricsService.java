package io.zhongtai.service.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.security.authentication.Authentication;
import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.Page;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.metrics.MetricStore;
import io.zhongtai.core.metrics.StoredDefinition;
import io.zhongtai.core.security.IdentityStore;
import io.zhongtai.core.security.Role;
import io.zhongtai.core.security.User;
import io.zhongtai.core.warehouse.Warehouse;
import io.zhongtai.metrics.catalog.MetricInfo;
import io.zhongtai.metrics.compile.Target;
import io.zhongtai.metrics.demo.DemoMetrics;
import io.zhongtai.metrics.execute.MetricExecutor;
import io.zhongtai.metrics.governance.MetricLineage;
import io.zhongtai.metrics.governance.MetricRegistry;
import io.zhongtai.metrics.model.Metric;
import io.zhongtai.metrics.model.MetricStatus;
import io.zhongtai.metrics.model.MetricVersion;
import io.zhongtai.metrics.model.SemanticManifest;
import io.zhongtai.metrics.query.Caller;
import io.zhongtai.metrics.query.CompiledQuery;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.OrderBy;
import io.zhongtai.metrics.query.QueryResult;
import io.zhongtai.service.crawl.WarehouseRegistry;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the metrics API does: queries run as the caller (policies from the caller's role, groups
 * and attributes), the marketplace listing and detail, lifecycle changes, imports and the demo's
 * certified metrics.
 */
@Singleton
public class MetricsService {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String USER_ATTRIBUTES = "user_attributes";

    private final MetricRegistry registry;
    private final MetricExecutor executor;
    private final WarehouseRegistry warehouses;
    private final IdentityStore identities;
    private final MetricStore store;
    private final Map<String, Map<String, String>> attributes = new ConcurrentHashMap<>();

    public MetricsService(MetricRegistry registry, MetricExecutor executor, WarehouseRegistry warehouses,
            IdentityStore identities, MetricStore store) {
        this.registry = registry;
        this.executor = executor;
        this.warehouses = warehouses;
        this.identities = identities;
        this.store = store;
        loadAttributes();
    }

    public MetricRegistry registry() {
        return registry;
    }

    // ---------------------------------------------------------------- callers

    /** The caller's role (the highest granted), groups and attributes. */
    public Caller caller(Authentication authentication) {
        Object claim = authentication.getAttributes().get("role");
        Role role = claim != null ? Role.fromValue(claim.toString())
                : Role.highest(authentication.getRoles().stream().map(Role::fromValue).toList());
        String user = authentication.getName();
        List<String> groups = identities.findUser(user).map(User::groups).orElse(List.of());
        return new Caller(user, role, groups, attributes.getOrDefault(user, Map.of()));
    }

    static Actor actor(Authentication authentication) {
        return new Actor(authentication.getName());
    }

    // ---------------------------------------------------------------- queries

    public CompiledQuery compile(MetricQuery query, Caller caller) {
        MetricRegistry.Snapshot snapshot = registry.snapshot();
        String name = snapshot.compiler().warehouseOf(query);
        Warehouse warehouse;
        try {
            warehouse = warehouses.find(name);
        } catch (CatalogException e) {
            if (query.warehouse() != null) {
                throw CatalogException.invalid("warehouse", "no registered warehouse '" + name + "'");
            }
            throw e;
        }
        return snapshot.compiler().compile(query, caller, new Target(warehouse.name(), warehouse.dialect()));
    }

    public QueryResult query(MetricQuery query, Caller caller) {
        return executor.execute(compile(query, caller));
    }

    /** Drops pooled connections and cached results of a warehouse (its file or settings changed). */
    public void forgetWarehouse(String warehouse) {
        executor.forget(warehouse);
    }

    public int invalidate(String warehouse, Set<String> tables) {
        return executor.invalidate(warehouse, tables);
    }

    // ---------------------------------------------------------------- catalog for readers

    /**
     * The catalog with each categorical dimension's values read from its warehouse where that is
     * cheap (at most {@value #VALUE_LIMIT} values; results cached like any metric query).
     */
    public io.zhongtai.metrics.catalog.MetricCatalog catalog() {
        MetricRegistry.Snapshot snapshot = registry.snapshot();
        Map<String, List<io.zhongtai.metrics.model.DimensionValue>> values = new LinkedHashMap<>();
        for (io.zhongtai.metrics.model.SemanticModel model : snapshot.manifest().models()) {
            for (io.zhongtai.metrics.model.Dimension dimension : model.dimensions()) {
                if (dimension.isTime() || model.warehouse() == null || values.containsKey(dimension.name())) {
                    continue;
                }
                try {
                    Warehouse warehouse = warehouses.find(model.warehouse());
                    QueryResult result = executor.execute(io.zhongtai.metrics.compile.DimensionValuesQuery.compile(model,
                            dimension, new Target(warehouse.name(), warehouse.dialect()), VALUE_LIMIT));
                    if (!result.truncated()) {
                        values.put(dimension.name(), result.rows().stream().map(row -> new io.zhongtai.metrics.model.DimensionValue(
                                String.valueOf(row.get(0)), null, row.size() > 1 && row.get(1) != null
                                        ? row.get(1).toString() : null, List.of())).toList());
                    }
                } catch (CatalogException e) {
                    LOG.debug("No values read for dimension {}: {}", dimension.name(), e.getMessage());
                }
            }
        }
        return new io.zhongtai.metrics.catalog.ValuesCatalog(snapshot.catalog(), values);
    }

    static final int VALUE_LIMIT = 500;

    /** The dimensions the caller may see (a policy's hidden ones left out), with their values. */
    public List<io.zhongtai.metrics.catalog.DimensionInfo> dimensions(Caller caller) {
        Set<String> hidden = new java.util.HashSet<>();
        registry.snapshot().manifest().policies().stream().filter(p -> applies(p.subject(), caller))
                .forEach(p -> hidden.addAll(p.hiddenDimensions()));
        return catalog().dimensions().stream().filter(d -> !hidden.contains(d.name())).toList();
    }

    // ---------------------------------------------------------------- marketplace

    /** The metrics the caller may see, filtered and paged. */
    public Page<MetricInfo> list(String q, String domain, Boolean certified, String owner, PageRequest page, Caller caller) {
        MetricRegistry.Snapshot snapshot = registry.snapshot();
        Set<String> hidden = hiddenMetrics(snapshot, caller);
        String needle = q == null || q.isBlank() ? null : q.trim().toLowerCase(Locale.ROOT);
        List<MetricInfo> matching = snapshot.catalog().metrics().stream()
                .filter(m -> !hidden.contains(m.name()))
                .filter(m -> needle == null || matches(m, needle))
                .filter(m -> domain == null || domain.isBlank() || domain.equalsIgnoreCase(m.domain()))
                .filter(m -> certified == null || certified == (m.status() == MetricStatus.CERTIFIED))
                .filter(m -> owner == null || owner.isBlank() || owner.equals(m.owner())
                        || owner.equals("group:" + m.owner()) || owner.equals("user:" + m.owner()))
                .toList();
        int from = (int) Math.min(page.offset(), matching.size());
        int to = Math.min(from + page.size(), matching.size());
        return new Page<>(matching.subList(from, to), page.page(), page.size(), matching.size());
    }

    private static boolean matches(MetricInfo metric, String needle) {
        return Stream.concat(Stream.of(metric.name(), metric.description() == null ? "" : metric.description()),
                        metric.labels().allNames().stream())
                .anyMatch(text -> text.toLowerCase(Locale.ROOT).contains(needle));
    }

    private static Set<String> hiddenMetrics(MetricRegistry.Snapshot snapshot, Caller caller) {
        Set<String> hidden = new java.util.HashSet<>();
        snapshot.manifest().policies().stream()
                .filter(p -> applies(p.subject(), caller))
                .forEach(p -> hidden.addAll(p.hiddenMetrics()));
        return hidden;
    }

    private static boolean applies(String subject, Caller caller) {
        return subject.equals("role:" + caller.role().value()) || subject.equals("user:" + caller.user())
                || caller.groups().stream().anyMatch(g -> subject.equals("group:" + g));
    }

    /** One metric in full: definition, versions, lineage, reachable dimensions and a sample of its values. */
    public MetricViews.Detail detail(String name, Caller caller) {
        MetricRegistry.Snapshot snapshot = registry.snapshot();
        if (hiddenMetrics(snapshot, caller).contains(name) || !snapshot.latest().containsKey(name)) {
            throw new CatalogException(ErrorCode.METRIC_NOT_FOUND, "No metric '" + name + "'");
        }
        MetricInfo info = snapshot.catalog().metric(name).orElseThrow();
        MetricVersion effective = snapshot.effective().get(name);
        MetricVersion latest = snapshot.latest().get(name);
        List<MetricVersion> versions = registry.versions(name);
        MetricLineage lineage = MetricLineage.of(snapshot.index(), effective.definition());
        return new MetricViews.Detail(
                MetricViews.Summary.of(info, latest),
                MetricViews.definition(effective.definition()),
                latest.version() != effective.version() ? MetricViews.definition(latest.definition()) : null,
                versions.stream().map(MetricViews.Version::of).toList(),
                new MetricViews.Lineage(lineage.measures(), lineage.columns().stream().map(AssetId::toString).toList(),
                        lineage.tables().stream().map(AssetId::toString).toList()),
                info.dimensions().stream().map(d -> snapshot.catalog().dimension(d).map(MetricViews.DimensionView::of)
                        .orElse(null)).filter(java.util.Objects::nonNull).toList(),
                sample(info, caller));
    }

    /** The metric by month over its last twelve months of data (or its one value), as the caller may see it. */
    private MetricViews.Sample sample(MetricInfo info, Caller caller) {
        MetricQuery query = info.timeDimension() == null
                ? MetricQuery.builder().metrics(info.name()).build()
                : MetricQuery.builder().metrics(info.name()).dimensions("metric_time__month")
                        .orderBy(OrderBy.desc("metric_time__month")).limit(12).build();
        try {
            QueryResult result = query(query, caller);
            return new MetricViews.Sample(result.columns(), result.rows(), null);
        } catch (CatalogException e) {
            return new MetricViews.Sample(List.of(), List.of(), e.getMessage());
        }
    }

    // ---------------------------------------------------------------- changes

    public MetricVersion create(JsonNode body, Authentication authentication) {
        Metric metric = io.zhongtai.metrics.yaml.DefinitionReader.readMetric(body, "body");
        return registry.create(metric, actor(authentication), caller(authentication).role(), reason(body));
    }

    public MetricVersion update(String name, JsonNode body, Authentication authentication) {
        Metric metric = io.zhongtai.metrics.yaml.DefinitionReader.readMetric(withoutReason(body), "body");
        return registry.update(name, metric, actor(authentication), caller(authentication).role(), reason(body));
    }

    private static String reason(JsonNode body) {
        return body != null && body.path("reason").isTextual() ? body.path("reason").asText() : null;
    }

    private static JsonNode withoutReason(JsonNode body) {
        if (body != null && body.isObject() && body.has("reason")) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = ((com.fasterxml.jackson.databind.node.ObjectNode) body).deepCopy();
            copy.remove("reason");
            return copy;
        }
        return body;
    }

    public MetricVersion transition(String name, MetricRegistry.Action action, String reason, Authentication authentication) {
        return registry.transition(name, action, actor(authentication), caller(authentication).role(), reason);
    }

    public Map<String, MetricVersion> apply(SemanticManifest manifest, boolean certify, String reason,
            Authentication authentication) {
        return registry.apply(manifest, actor(authentication), caller(authentication).role(), reason, certify);
    }

    /**
     * The demo's metrics and dimensions (demo-retail.md), certified. Their domains (Sales, Customer,
     * Supply Chain) are linked to the metric assets when stewards have created them; none is
     * created here.
     */
    public void installDemo(Actor actor) {
        SemanticManifest demo = DemoMetrics.manifest();
        Map<String, MetricVersion> written = registry.apply(demo, actor, Role.ADMIN, "the demo's governed metrics"
                + " (demo-retail.md)", true);
        LOG.info("Demo metrics certified: {}", written.isEmpty() ? "none changed" : written.keySet());
    }

    // ---------------------------------------------------------------- user attributes

    public Map<String, String> attributes(String user) {
        return attributes.getOrDefault(user, Map.of());
    }

    /** Replaces a user's attributes (read by policies' row filters through {@code user_attribute('region')}). */
    public Map<String, String> putAttributes(String user, Map<String, String> values, Actor actor) {
        if (identities.findUser(user).isEmpty()) {
            throw new CatalogException(ErrorCode.USER_NOT_FOUND, "No user '" + user + "'");
        }
        try {
            store.putDefinitions(List.of(new StoredDefinition(USER_ATTRIBUTES, user, JSON.writeValueAsString(values))),
                    List.of(), actor);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        attributes.put(user, Map.copyOf(values));
        return attributes.get(user);
    }

    private void loadAttributes() {
        for (StoredDefinition definition : store.definitions()) {
            if (definition.kind().equals(USER_ATTRIBUTES)) {
                try {
                    Map<String, String> values = new LinkedHashMap<>();
                    JSON.readTree(definition.definition()).fields().forEachRemaining(e -> values.put(e.getKey(),
                            e.getValue().asText()));
                    attributes.put(definition.name(), Map.copyOf(values));
                } catch (JsonProcessingException e) {
                    LOG.warn("Attributes of user {} are not valid JSON; ignored", definition.name());
                }
            }
        }
    }

    static List<String> names(List<MetricInfo> metrics) {
        List<String> names = new ArrayList<>();
        metrics.forEach(m -> names.add(m.name()));
        return names;
    }
}
