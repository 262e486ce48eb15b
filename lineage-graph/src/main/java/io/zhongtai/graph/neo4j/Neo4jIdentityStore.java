package io.zhongtai.graph.neo4j;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.FieldError;
import io.zhongtai.core.Page;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.change.Change;
import io.zhongtai.core.change.ChangeKind;
import io.zhongtai.core.change.FieldDiff;
import io.zhongtai.core.security.ApiToken;
import io.zhongtai.core.security.Group;
import io.zhongtai.core.security.IdentityStore;
import io.zhongtai.core.security.Role;
import io.zhongtai.core.security.User;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/**
 * Users and groups as assets ({@code user:<name>}, {@code group:<name>}) so that they can own
 * things; memberships as {@code MEMBER_OF}; API tokens as {@code ApiToken} nodes holding only
 * a hash of their secret.
 */
public final class Neo4jIdentityStore implements IdentityStore {
    private static final String USER_PROJECTION =
            "u AS u, [(u)-[:MEMBER_OF]->(g:Group) WHERE NOT coalesce(g.deleted, false) | g.name] AS groups";
    private static final String GROUP_PROJECTION =
            "g AS g, [(m:User)-[:MEMBER_OF]->(g) WHERE NOT coalesce(m.deleted, false) | m.name] AS members";

    private final Neo4jGraph graph;
    private final Clock clock;

    public Neo4jIdentityStore(Neo4jGraph graph, Clock clock) {
        this.graph = requireNonNull(graph, "graph is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public User createUser(User user, Actor actor) {
        return graph.write(tx -> {
            if (exists(tx, "user:" + user.username())) {
                throw new CatalogException(ErrorCode.ALREADY_EXISTS, "A user named '" + user.username() + "' already exists");
            }
            Map<String, Object> props = userProperties(user);
            props.put("id", "user:" + user.username());
            props.put("type", "user");
            props.put("name", user.username());
            props.put("qualifiedName", user.username());
            props.put("version", 1L);
            props.put("deleted", false);
            props.put("createdAt", now().toEpochMilli());
            props.put("updatedAt", now().toEpochMilli());
            tx.run("CREATE (u:Asset:User) SET u = $props", Map.of("props", props)).consume();
            appendEvent(tx, "user:" + user.username(), 1, ChangeKind.CREATED, Map.of(), userFields(user), actor);
            return readUser(tx, user.username()).orElseThrow();
        });
    }

    @Override
    public User updateUser(User user, Actor actor) {
        return graph.write(tx -> {
            User before = readUser(tx, user.username())
                    .orElseThrow(() -> new CatalogException(ErrorCode.USER_NOT_FOUND, "No user named '" + user.username() + "'"));
            Map<String, Object> props = userProperties(user);
            props.put("updatedAt", now().toEpochMilli());
            tx.run("MATCH (u:User {name: $name}) SET u += $props", Map.of("name", user.username(), "props", props))
                    .consume();
            versionChange(tx, "user:" + user.username(), userFields(before), userFields(user), actor);
            return readUser(tx, user.username()).orElseThrow();
        });
    }

    private static Map<String, Object> userProperties(User user) {
        Map<String, Object> props = new HashMap<>();
        props.put("displayName", user.displayName());
        props.put("email", user.email());
        props.put("role", user.role().value());
        props.put("passwordHash", user.passwordHash());
        props.put("disabled", user.disabled());
        return props;
    }

    @Override
    public Optional<User> findUser(String username) {
        return graph.read(tx -> readUser(tx, username));
    }

    @Override
    public Page<User> listUsers(PageRequest page) {
        return graph.read(tx -> {
            long total = tx.run("MATCH (u:User) RETURN count(u) AS n").single().get("n").asLong();
            List<User> items = tx.run(
                            "MATCH (u:User) WITH u ORDER BY u.name SKIP $skip LIMIT $limit RETURN " + USER_PROJECTION,
                            Map.of("skip", page.offset(), "limit", page.size()))
                    .list(Neo4jIdentityStore::toUser);
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    @Override
    public void deleteUser(String username, Actor actor) {
        graph.writeVoid(tx -> {
            requireUser(tx, username);
            tx.run("MATCH (t:ApiToken {owner: $name}) DELETE t", Map.of("name", username)).consume();
            removeOwner(tx, "user:" + username, actor);
            tx.run("MATCH (u:User {name: $name}) DETACH DELETE u", Map.of("name", username)).consume();
        });
    }

    @Override
    public Group createGroup(Group group, Actor actor) {
        return graph.write(tx -> {
            if (exists(tx, "group:" + group.name())) {
                throw new CatalogException(ErrorCode.ALREADY_EXISTS, "A group named '" + group.name() + "' already exists");
            }
            Map<String, Object> props = groupProperties(group);
            props.put("id", "group:" + group.name());
            props.put("type", "group");
            props.put("name", group.name());
            props.put("qualifiedName", group.name());
            props.put("version", 1L);
            props.put("deleted", false);
            props.put("createdAt", now().toEpochMilli());
            props.put("updatedAt", now().toEpochMilli());
            tx.run("CREATE (g:Asset:Group) SET g = $props", Map.of("props", props)).consume();
            setMembers(tx, group);
            appendEvent(tx, "group:" + group.name(), 1, ChangeKind.CREATED, Map.of(), groupFields(group), actor);
            return readGroup(tx, group.name()).orElseThrow();
        });
    }

    @Override
    public Group updateGroup(Group group, Actor actor) {
        return graph.write(tx -> {
            Group before = readGroup(tx, group.name())
                    .orElseThrow(() -> new CatalogException(ErrorCode.GROUP_NOT_FOUND, "No group named '" + group.name() + "'"));
            Map<String, Object> props = groupProperties(group);
            props.put("updatedAt", now().toEpochMilli());
            tx.run("MATCH (g:Group {name: $name}) SET g += $props", Map.of("name", group.name(), "props", props))
                    .consume();
            setMembers(tx, group);
            versionChange(tx, "group:" + group.name(), groupFields(before), groupFields(group), actor);
            return readGroup(tx, group.name()).orElseThrow();
        });
    }

    private static void setMembers(TransactionContext tx, Group group) {
        List<String> missing = tx.run(
                        "UNWIND $members AS m OPTIONAL MATCH (u:User {name: m}) WITH m, u WHERE u IS NULL RETURN m",
                        Map.of("members", group.members()))
                .list(record -> record.get("m").asString());
        if (!missing.isEmpty()) {
            throw new CatalogException(
                    ErrorCode.UNKNOWN_REFERENCE,
                    "Unknown member(s): " + String.join(", ", missing) + "; create the users first",
                    missing.stream().map(m -> new FieldError("members", "no user '" + m + "'")).toList());
        }
        tx.run(
                        "MATCH (g:Group {name: $name}) OPTIONAL MATCH (:User)-[r:MEMBER_OF]->(g) DELETE r "
                                + "WITH DISTINCT g UNWIND $members AS m MATCH (u:User {name: m}) MERGE (u)-[:MEMBER_OF]->(g)",
                        Map.of("name", group.name(), "members", group.members()))
                .consume();
    }

    private static Map<String, Object> groupProperties(Group group) {
        Map<String, Object> props = new HashMap<>();
        props.put("displayName", group.displayName());
        props.put("description", group.description());
        props.put("role", group.role() == null ? null : group.role().value());
        return props;
    }

    @Override
    public Optional<Group> findGroup(String name) {
        return graph.read(tx -> readGroup(tx, name));
    }

    @Override
    public Page<Group> listGroups(PageRequest page) {
        return graph.read(tx -> {
            long total = tx.run("MATCH (g:Group) RETURN count(g) AS n").single().get("n").asLong();
            List<Group> items = tx.run(
                            "MATCH (g:Group) WITH g ORDER BY g.name SKIP $skip LIMIT $limit RETURN " + GROUP_PROJECTION,
                            Map.of("skip", page.offset(), "limit", page.size()))
                    .list(Neo4jIdentityStore::toGroup);
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    @Override
    public void deleteGroup(String name, Actor actor) {
        graph.writeVoid(tx -> {
            if (readGroup(tx, name).isEmpty()) {
                throw new CatalogException(ErrorCode.GROUP_NOT_FOUND, "No group named '" + name + "'");
            }
            removeOwner(tx, "group:" + name, actor);
            tx.run("MATCH (g:Group {name: $name}) DETACH DELETE g", Map.of("name", name)).consume();
        });
    }

    @Override
    public List<Role> groupRoles(String username) {
        return graph.read(tx -> tx.run(
                        "MATCH (:User {name: $name})-[:MEMBER_OF]->(g:Group) WHERE g.role IS NOT NULL RETURN g.role AS role",
                        Map.of("name", username))
                .list(record -> Role.fromValue(record.get("role").asString())));
    }

    @Override
    public ApiToken createToken(ApiToken token) {
        Map<String, Object> props = new HashMap<>();
        props.put("id", token.id());
        props.put("owner", token.owner());
        props.put("name", token.name());
        props.put("secretHash", token.secretHash());
        props.put("createdAt", token.createdAt().toEpochMilli());
        props.put("expiresAt", token.expiresAt() == null ? null : token.expiresAt().toEpochMilli());
        return graph.write(tx -> {
            requireUser(tx, token.owner());
            tx.run("CREATE (t:ApiToken) SET t = $props", Map.of("props", props)).consume();
            return token;
        });
    }

    @Override
    public Optional<ApiToken> findTokenBySecretHash(String secretHash) {
        return graph.read(tx -> tx.run("MATCH (t:ApiToken {secretHash: $hash}) RETURN t", Map.of("hash", secretHash))
                .list(record -> toToken(record.get("t").asNode()))
                .stream()
                .findFirst());
    }

    @Override
    public Optional<ApiToken> findToken(String id) {
        return graph.read(tx -> tx.run("MATCH (t:ApiToken {id: $id}) RETURN t", Map.of("id", id))
                .list(record -> toToken(record.get("t").asNode()))
                .stream()
                .findFirst());
    }

    @Override
    public List<ApiToken> listTokens(String owner) {
        Map<String, Object> params = new HashMap<>();
        params.put("owner", owner);
        return graph.read(tx -> tx.run(
                        "MATCH (t:ApiToken) WHERE $owner IS NULL OR t.owner = $owner RETURN t ORDER BY t.createdAt",
                        params)
                .list(record -> toToken(record.get("t").asNode())));
    }

    @Override
    public void revokeToken(String id) {
        graph.writeVoid(tx -> {
            long deleted = tx.run("MATCH (t:ApiToken {id: $id}) DELETE t RETURN count(*) AS n", Map.of("id", id))
                    .single()
                    .get("n")
                    .asLong();
            if (deleted == 0) {
                throw new CatalogException(ErrorCode.TOKEN_NOT_FOUND, "No API token with id '" + id + "'");
            }
        });
    }

    @Override
    public void touchToken(String id, Instant usedAt) {
        graph.writeVoid(tx -> tx.run(
                        "MATCH (t:ApiToken {id: $id}) SET t.lastUsedAt = $at", Map.of("id", id, "at", usedAt.toEpochMilli()))
                .consume());
    }

    // --- change events: users and groups are assets, found by search and shown as owners

    /** What a user's change events record: the names people see, never the password or the role. */
    private static Map<String, Object> userFields(User user) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("displayName", user.displayName());
        fields.put("email", user.email());
        return fields;
    }

    private static Map<String, Object> groupFields(Group group) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("displayName", group.displayName());
        fields.put("description", group.description());
        return fields;
    }

    /** A new version and its change event when the recorded fields changed; nothing otherwise. */
    private void versionChange(
            TransactionContext tx, String id, Map<String, Object> before, Map<String, Object> after, Actor actor) {
        if (FieldDiff.diff(before, after).isEmpty()) {
            return;
        }
        long version = tx.run(
                        "MATCH (a:Asset {id: $id}) SET a.version = coalesce(a.version, 1) + 1 RETURN a.version AS version",
                        Map.of("id", id))
                .single()
                .get("version")
                .asLong();
        appendEvent(tx, id, version, ChangeKind.UPDATED, before, after, actor);
    }

    /**
     * Before a user or group is deleted, every asset it owns loses it as an owner: a change of
     * those assets' owners, recorded as such (a new version and a change event each).
     */
    private void removeOwner(TransactionContext tx, String ownerId, Actor actor) {
        Instant now = now();
        List<Record> owned = tx.run(
                        "MATCH (a:Asset)-[:OWNED_BY]->(:Asset {id: $owner}) "
                                + "SET a.version = coalesce(a.version, 1) + 1, a.updatedAt = $now "
                                + "RETURN a.id AS id, a.version AS version, [(a)-[:OWNED_BY]->(o) | o.id] AS owners",
                        Map.of("owner", ownerId, "now", now.toEpochMilli()))
                .list();
        List<ChangeLogWriter.Pending> events = new java.util.ArrayList<>();
        for (Record record : owned) {
            List<String> before = record.get("owners").asList(Value::asString).stream().sorted().toList();
            List<String> after = before.stream().filter(id -> !id.equals(ownerId)).toList();
            events.add(new ChangeLogWriter.Pending(
                    AssetId.parse(record.get("id").asString()),
                    record.get("version").asLong(),
                    ChangeKind.UPDATED,
                    List.of(new Change("owners", before, after)),
                    false));
        }
        long version = tx.run("MATCH (a:Asset {id: $id}) RETURN coalesce(a.version, 1) + 1 AS version", Map.of("id", ownerId))
                .single()
                .get("version")
                .asLong();
        events.add(new ChangeLogWriter.Pending(
                AssetId.parse(ownerId), version, ChangeKind.REMOVED, List.of(new Change("deleted", false, true)), false));
        ChangeLogWriter.append(tx, events, now, actor.name());
    }

    private void appendEvent(
            TransactionContext tx,
            String id,
            long version,
            ChangeKind kind,
            Map<String, Object> before,
            Map<String, Object> after,
            Actor actor) {
        ChangeLogWriter.append(
                tx,
                List.of(new ChangeLogWriter.Pending(AssetId.parse(id), version, kind, FieldDiff.diff(before, after), false)),
                now(),
                actor.name());
    }

    private static boolean exists(TransactionContext tx, String id) {
        return tx.run("MATCH (a:Asset {id: $id}) RETURN count(a) > 0 AS found", Map.of("id", id))
                .single()
                .get("found")
                .asBoolean();
    }

    private static void requireUser(TransactionContext tx, String username) {
        if (readUser(tx, username).isEmpty()) {
            throw new CatalogException(ErrorCode.USER_NOT_FOUND, "No user named '" + username + "'");
        }
    }

    private static Optional<User> readUser(TransactionContext tx, String username) {
        return tx.run("MATCH (u:User {name: $name}) RETURN " + USER_PROJECTION, Map.of("name", username)).list().stream()
                .findFirst()
                .map(Neo4jIdentityStore::toUser);
    }

    private static Optional<Group> readGroup(TransactionContext tx, String name) {
        return tx.run("MATCH (g:Group {name: $name}) RETURN " + GROUP_PROJECTION, Map.of("name", name)).list().stream()
                .findFirst()
                .map(Neo4jIdentityStore::toGroup);
    }

    private static User toUser(Record record) {
        Node node = record.get("u").asNode();
        return new User(
                node.get("name").asString(),
                AssetRows.nullableString(node.get("displayName")),
                AssetRows.nullableString(node.get("email")),
                Role.fromValue(node.get("role").asString()),
                AssetRows.nullableString(node.get("passwordHash")),
                node.get("disabled").asBoolean(false),
                record.get("groups").asList(Value::asString).stream().sorted().toList(),
                AssetRows.instant(node.get("createdAt")));
    }

    private static Group toGroup(Record record) {
        Node node = record.get("g").asNode();
        String role = AssetRows.nullableString(node.get("role"));
        return new Group(
                node.get("name").asString(),
                AssetRows.nullableString(node.get("displayName")),
                AssetRows.nullableString(node.get("description")),
                role == null ? null : Role.fromValue(role),
                record.get("members").asList(Value::asString).stream().sorted().toList(),
                AssetRows.instant(node.get("createdAt")));
    }

    private static ApiToken toToken(Node node) {
        return new ApiToken(
                node.get("id").asString(),
                node.get("owner").asString(),
                node.get("name").asString(),
                node.get("secretHash").asString(),
                AssetRows.instant(node.get("createdAt")),
                AssetRows.instant(node.get("expiresAt")),
                AssetRows.instant(node.get("lastUsedAt")));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
