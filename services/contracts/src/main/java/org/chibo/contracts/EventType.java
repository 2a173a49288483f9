package org.chibo.contracts;

/**
 * One published event type: its CloudEvents {@code type} on the wire (never a Java class name), the topic it
 * travels on, the record that carries its data, and its JSON Schema under {@code /schemas/<type>.json}.
 */
public record EventType<T>(String type, TopicSpec topic, Class<T> payloadClass) {

    public EventType {
        if (!type.matches("chibo\\.[a-z]+\\.[a-z-]+\\.v[0-9]+")) {
            throw new IllegalArgumentException("event type must look like chibo.<service>.<event>.v<N>: " + type);
        }
    }

    public String schemaResource() {
        return "/schemas/" + type + ".json";
    }

    /** The producing service, the second segment of the type; the CloudEvents {@code source} is {@code /chibo/<producer>}. */
    public String producer() {
        return type.split("\\.")[1];
    }
}
