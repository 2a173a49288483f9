package org.chibo.chassis.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/** The relay reads pending events field by field; what it reads must be what the mapping converter wrote. */
class PendingEventTest {

    private final MappingMongoConverter converter = converter();

    @Test
    void readsBackEveryFieldTheConverterWrote() {
        PendingEvent event = new PendingEvent("e-1", "chibo.membership.member-admitted.v1", "membership.events", "m-1",
                "/chibo/membership", "m-1", Instant.parse("2026-12-05T10:15:30.123Z"), "{\"memberId\":\"m-1\"}",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        assertThat(PendingEvent.fromStored(stored(event))).isEqualTo(event);
    }

    @Test
    void readsAnEventWithoutTraceContext() {
        PendingEvent event = new PendingEvent("e-2", "chibo.meeting.recorded.v1", "meeting.events", "b-1",
                "/chibo/meeting", null, Instant.parse("2026-01-01T00:00:00Z"), "{}", null);

        assertThat(PendingEvent.fromStored(stored(event))).isEqualTo(event);
    }

    private Document stored(PendingEvent event) {
        Document doc = new Document();
        converter.write(event, doc);
        return doc;
    }

    private static MappingMongoConverter converter() {
        // as Spring Boot sets it up: java.time values are simple values, stored as BSON dates
        MongoCustomConversions conversions = new MongoCustomConversions(java.util.List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }
}
