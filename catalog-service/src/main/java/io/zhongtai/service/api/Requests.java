package io.zhongtai.service.api;

import io.micronaut.security.authentication.Authentication;
import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.FieldError;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhongtai.core.TextPosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Helpers for reading request bodies that arrive as JSON objects. */
final class Requests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Requests() {}

    /**
     * Parses a body that must be one JSON object. Fields given as {@code null} stay in the map,
     * since for an edit "set to null" and "not given" differ.
     */
    static Map<String, Object> object(String json) {
        if (json == null || json.isBlank()) {
            throw new CatalogException(ErrorCode.INVALID_REQUEST, "The request needs a JSON object body");
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new CatalogException(ErrorCode.INVALID_REQUEST, "The body must be a JSON object ({...})");
            }
            return JSON.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            TextPosition position = location == null || location.getLineNr() < 1
                    ? null
                    : new TextPosition(location.getLineNr(), Math.max(1, location.getColumnNr()));
            throw new CatalogException(
                    ErrorCode.INVALID_REQUEST,
                    "Malformed JSON" + (position == null ? "" : " at line " + position.line() + ", column " + position.column())
                            + ": " + e.getOriginalMessage(),
                    position,
                    e);
        }
    }

    static Actor actor(Authentication authentication) {
        return new Actor(authentication.getName());
    }

    static boolean hasRole(Authentication authentication, String role) {
        return authentication.getRoles().contains(role);
    }

    /** Rejects fields the endpoint does not know, naming them and the known ones. */
    static void onlyKnownFields(Map<String, Object> body, Set<String> known) {
        if (body == null) {
            throw new CatalogException(ErrorCode.INVALID_REQUEST, "The request needs a JSON object body");
        }
        List<FieldError> unknown = new ArrayList<>();
        for (String field : body.keySet()) {
            if (!known.contains(field)) {
                unknown.add(new FieldError(field, "unknown field; known fields: " + String.join(", ", known.stream().sorted().toList())));
            }
        }
        if (!unknown.isEmpty()) {
            throw new CatalogException(
                    ErrorCode.INVALID_REQUEST,
                    "Unknown field(s) " + String.join(", ", unknown.stream().map(FieldError::field).toList()),
                    unknown);
        }
    }

    static String string(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw CatalogException.invalid(field, "must be a string");
        }
        return text;
    }

    static String requiredString(Map<String, Object> body, String field) {
        String value = string(body, field);
        if (value == null || value.isBlank()) {
            throw CatalogException.invalid(field, "is required");
        }
        return value;
    }

    static List<String> strings(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(item -> !(item instanceof String))) {
            throw CatalogException.invalid(field, "must be a list of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }

    static Boolean bool(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value != null && !(value instanceof Boolean)) {
            throw CatalogException.invalid(field, "must be true or false");
        }
        return (Boolean) value;
    }

    static Integer integer(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value != null && !(value instanceof Integer)) {
            throw CatalogException.invalid(field, "must be a whole number");
        }
        return (Integer) value;
    }

    static Double number(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value != null && !(value instanceof Number)) {
            throw CatalogException.invalid(field, "must be a number");
        }
        return value == null ? null : ((Number) value).doubleValue();
    }

    static List<?> list(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw CatalogException.invalid(field, "must be a list");
        }
        return list;
    }
}
