package org.chibo.chassis.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping for event data on the wire. Kept apart from the web's mapper so that an HTTP setting can
 * never change a published contract: dates as ISO-8601 strings, unknown fields ignored (consumers must tolerate
 * the optional fields that later schema versions add).
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static String write(Object payload) {
        return MAPPER.writeValueAsString(payload);
    }

    public static <T> T read(byte[] data, Class<T> type) {
        return MAPPER.readValue(data, type);
    }
}
