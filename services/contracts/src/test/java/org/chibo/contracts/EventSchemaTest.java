package org.chibo.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class EventSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static List<EventType<?>> released() {
        return EventCatalogue.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("released")
    void releasedSchemaOnlyGrowsOptionalFields(EventType<?> type) {
        JsonNode frozen = read("/frozen-schemas/" + type.type() + ".json");
        JsonNode current = read(type.schemaResource());

        assertThat(SchemaCompatibility.breakingChanges(frozen, current))
                .as("%s changed incompatibly; a breaking change needs a new type (.v2)", type.type())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("released")
    void recordAndSchemaNameTheSameFields(EventType<?> type) {
        assertSameFields(type.payloadClass(), read(type.schemaResource()), type.type());
    }

    @Test
    void typesAreUniqueAndTravelOnTheirProducersTopic() {
        assertThat(EventCatalogue.ALL).extracting(EventType::type).doesNotHaveDuplicates();
        EventCatalogue.ALL.forEach(t -> assertThat(t.topic().name()).startsWith(t.producer() + "."));
    }

    @Test
    void compatibilityCheckRejectsEachKindOfBreak() {
        ObjectNode frozen = (ObjectNode) read("/frozen-schemas/chibo.meeting.recorded.v1.json");

        ObjectNode newRequired = frozen.deepCopy();
        ((ArrayNode) newRequired.get("required")).add("topic");
        ObjectNode removed = frozen.deepCopy();
        ((ObjectNode) removed.get("properties")).remove("heldOn");
        ObjectNode retyped = frozen.deepCopy();
        ((ObjectNode) retyped.get("properties").get("roster").get("items").get("properties").get("exempt")).put("type", "string");
        ObjectNode optionalAdded = frozen.deepCopy();
        ((ObjectNode) optionalAdded.get("properties")).putObject("place").put("type", "string");

        assertThat(SchemaCompatibility.breakingChanges(frozen, newRequired)).containsExactly("/required: new required property topic");
        assertThat(SchemaCompatibility.breakingChanges(frozen, removed)).containsExactly("/properties/heldOn: removed");
        assertThat(SchemaCompatibility.breakingChanges(frozen, retyped)).singleElement().asString()
                .startsWith("/properties/roster/items/properties/exempt/type: changed");
        assertThat(SchemaCompatibility.breakingChanges(frozen, optionalAdded)).isEmpty();
    }

    private static void assertSameFields(Class<?> recordClass, JsonNode schema, String where) {
        Set<String> recordFields = Arrays.stream(recordClass.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> schemaFields = new TreeSet<>(schema.get("properties").propertyNames());
        assertThat(recordFields).as(where).isEqualTo(schemaFields);

        for (RecordComponent c : recordClass.getRecordComponents()) {
            Class<?> nested = c.getType();
            if (c.getGenericType() instanceof ParameterizedType p && nested == List.class
                    && p.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
                assertSameFields(element, schema.get("properties").get(c.getName()).get("items"), where + "." + c.getName());
            } else if (nested.isRecord()) {
                assertSameFields(nested, schema.get("properties").get(c.getName()), where + "." + c.getName());
            }
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = EventSchemaTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("missing " + resource).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
