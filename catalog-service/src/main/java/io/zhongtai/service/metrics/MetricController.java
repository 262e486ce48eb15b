package io.zhongtai.service.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.FieldError;
import io.zhongtai.core.Page;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.TextPosition;
import io.zhongtai.metrics.governance.MetricRegistry;
import io.zhongtai.metrics.model.MetricVersion;
import io.zhongtai.metrics.model.SemanticManifest;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.MetricQueryJson;
import io.zhongtai.metrics.query.QueryResult;
import io.zhongtai.metrics.validate.ManifestValidator;
import io.zhongtai.metrics.yaml.DefinitionReader;
import io.zhongtai.service.api.PageView;
import io.zhongtai.service.security.Roles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/metrics}: the marketplace (listing, detail with versions, lineage and sample
 * values), metric queries and their SQL (analysts), definitions and their lifecycle (analysts
 * draft and submit; stewards and admins certify, send back and deprecate), metrics-as-code and
 * dbt imports.
 */
@Controller("/api/v1/metrics")
@Secured(Roles.VIEWER)
public class MetricController {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MetricsService metrics;
    private final ManifestValidator validator;
    private final DbtImport dbt;

    public MetricController(MetricsService metrics, ManifestValidator validator, DbtImport dbt) {
        this.metrics = metrics;
        this.validator = validator;
        this.dbt = dbt;
    }

    @Get
    public PageView<MetricViews.Summary> list(@Nullable @QueryValue String q, @Nullable @QueryValue String domain,
            @Nullable @QueryValue Boolean certified, @Nullable @QueryValue String owner, @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size, Authentication authentication) {
        Page<io.zhongtai.metrics.catalog.MetricInfo> found = metrics.list(q, domain, certified, owner,
                PageRequest.of(page, size), metrics.caller(authentication));
        var latest = metrics.registry().snapshot().latest();
        return PageView.of(found, info -> MetricViews.Summary.of(info, latest.get(info.name())));
    }

    /** Every dimension with labels, synonyms, grains and its values (declared, and read from the warehouse where cheap). */
    @Get("/dimensions")
    public List<MetricViews.DimensionView> dimensions(Authentication authentication) {
        return metrics.dimensions(metrics.caller(authentication)).stream().map(MetricViews.DimensionView::of).toList();
    }

    @Get("/{name}")
    public MetricViews.Detail get(@PathVariable String name, Authentication authentication) {
        return metrics.detail(name, metrics.caller(authentication));
    }

    @Get("/{name}/versions")
    public PageView<MetricViews.Version> versions(@PathVariable String name, @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size) {
        PageRequest request = PageRequest.of(page, size);
        List<MetricVersion> all = metrics.registry().versions(name);
        int from = (int) Math.min(request.offset(), all.size());
        int to = Math.min(from + request.size(), all.size());
        return PageView.of(new Page<>(all.subList(from, to), request.page(), request.size(), all.size()),
                MetricViews.Version::of);
    }

    @Post("/query")
    @Secured(Roles.ANALYST)
    public QueryResult query(@Body String body, Authentication authentication) {
        MetricQuery query = MetricQueryJson.read(body);
        return metrics.query(query, metrics.caller(authentication));
    }

    @Post("/explain")
    @Secured(Roles.ANALYST)
    public MetricViews.Sql explain(@Body String body, Authentication authentication) {
        MetricQuery query = MetricQueryJson.read(body);
        return new MetricViews.Sql(metrics.compile(query, metrics.caller(authentication)).sql());
    }

    /** A new metric: version 1, a draft. */
    @Post
    @Secured(Roles.ANALYST)
    public HttpResponse<MetricViews.Version> create(@Body String body, Authentication authentication) {
        return HttpResponse.created(MetricViews.Version.of(metrics.create(json(body), authentication)));
    }

    /** A changed definition: a new draft version; a certified version stays in use until this one is certified. */
    @Put("/{name}")
    @Secured(Roles.ANALYST)
    public MetricViews.Version update(@PathVariable String name, @Body String body, Authentication authentication) {
        return MetricViews.Version.of(metrics.update(name, json(body), authentication));
    }

    @Post("/{name}/submit")
    @Secured(Roles.ANALYST)
    public MetricViews.Version submit(@PathVariable String name, @Nullable @Body String body, Authentication authentication) {
        return transition(name, MetricRegistry.Action.SUBMIT, body, authentication);
    }

    @Post("/{name}/certify")
    @Secured(Roles.STEWARD)
    public MetricViews.Version certify(@PathVariable String name, @Nullable @Body String body, Authentication authentication) {
        return transition(name, MetricRegistry.Action.CERTIFY, body, authentication);
    }

    @Post("/{name}/reject")
    @Secured(Roles.STEWARD)
    public MetricViews.Version reject(@PathVariable String name, @Nullable @Body String body, Authentication authentication) {
        return transition(name, MetricRegistry.Action.REJECT, body, authentication);
    }

    @Post("/{name}/deprecate")
    @Secured(Roles.STEWARD)
    public MetricViews.Version deprecate(@PathVariable String name, @Nullable @Body String body,
            Authentication authentication) {
        return transition(name, MetricRegistry.Action.DEPRECATE, body, authentication);
    }

    private MetricViews.Version transition(String name, MetricRegistry.Action action, String body,
            Authentication authentication) {
        String reason = null;
        if (body != null && !body.isBlank()) {
            JsonNode node = json(body);
            reason = node.path("reason").isTextual() ? node.path("reason").asText() : null;
        }
        return MetricViews.Version.of(metrics.transition(name, action, reason, authentication));
    }

    /**
     * Metrics-as-code: a YAML (or JSON) document of semantic models, metrics and policies. New and
     * changed metrics become drafts (certified at once with {@code certify=true}, stewards and
     * admins); with {@code validateOnly=true} nothing is stored and the problems are answered.
     */
    @Post("/definitions")
    @Secured(Roles.ANALYST)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_YAML, "text/yaml", "application/x-yaml", MediaType.TEXT_PLAIN})
    public Map<String, Object> definitions(@Body String body, @Nullable @QueryValue Boolean certify,
            @Nullable @QueryValue Boolean validateOnly, @Nullable @QueryValue String reason, Authentication authentication) {
        SemanticManifest manifest = DefinitionReader.readYaml(body == null ? "" : body, "body");
        Map<String, Object> answer = new LinkedHashMap<>();
        if (Boolean.TRUE.equals(validateOnly)) {
            SemanticManifest combined = metrics.registry().snapshot().manifest().merge(manifest);
            List<FieldError> problems = validator.problems(combined);
            answer.put("valid", problems.isEmpty());
            answer.put("problems", problems);
            return answer;
        }
        Map<String, MetricVersion> written = metrics.apply(manifest, Boolean.TRUE.equals(certify), reason, authentication);
        answer.put("semanticModels", manifest.models().stream().map(m -> m.name()).toList());
        answer.put("policies", manifest.policies().stream().map(p -> p.name()).toList());
        Map<String, Object> versions = new LinkedHashMap<>();
        written.forEach((name, version) -> versions.put(name, MetricViews.Version.of(version)));
        answer.put("metrics", versions);
        return answer;
    }

    /**
     * Imports a dbt semantic manifest ({@code target/semantic_manifest.json}) or dbt semantic YAML:
     * semantic models bound to {@code warehouse} (tables named by {@code ref()} in {@code schema}),
     * forming the {@code project} (default {@code dbt}: its models join each other only), and
     * their metrics as drafts (or certified).
     */
    @Post("/import/dbt")
    @Secured(Roles.STEWARD)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_YAML, "text/yaml", "application/x-yaml", MediaType.TEXT_PLAIN})
    public Map<String, Object> importDbt(@Body String body, @Nullable @QueryValue String warehouse,
            @Nullable @QueryValue String schema, @Nullable @QueryValue String project, @Nullable @QueryValue Boolean certify,
            Authentication authentication) {
        SemanticManifest manifest = dbt.read(body, warehouse, schema, project);
        Map<String, MetricVersion> written = metrics.apply(manifest, Boolean.TRUE.equals(certify), "imported from dbt",
                authentication);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("semanticModels", manifest.models().stream().map(m -> m.name()).toList());
        Map<String, Object> versions = new LinkedHashMap<>();
        written.forEach((name, version) -> versions.put(name, MetricViews.Version.of(version)));
        answer.put("metrics", versions);
        return answer;
    }

    @Get("/users/{user}/attributes")
    @Secured(Roles.ADMIN)
    public Map<String, String> attributes(@PathVariable String user) {
        return metrics.attributes(user);
    }

    /** Replaces a user's attributes, which policies' row filters read ({@code region = user_attribute('region')}). */
    @Put("/users/{user}/attributes")
    @Secured(Roles.ADMIN)
    public Map<String, String> putAttributes(@PathVariable String user, @Body String body, Authentication authentication) {
        JsonNode node = json(body);
        if (!node.isObject()) {
            throw CatalogException.invalid("body", "must be an object of text values, such as {\"region\": \"East\"}");
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw CatalogException.invalid(e.getKey(), "must be a text value");
            }
            values.put(e.getKey(), e.getValue().asText());
        });
        return metrics.putAttributes(user, values, MetricsService.actor(authentication));
    }

    private static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            throw new CatalogException(ErrorCode.INVALID_REQUEST, "The request needs a JSON object body");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            TextPosition position = location == null || location.getLineNr() < 1 ? null
                    : new TextPosition(location.getLineNr(), Math.max(1, location.getColumnNr()));
            throw new CatalogException(ErrorCode.INVALID_REQUEST, "Malformed JSON" + (position == null ? ""
                    : " at line " + position.line() + ", column " + position.column()) + ": " + e.getOriginalMessage(),
                    position, e);
        }
    }
}
