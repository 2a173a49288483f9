package org.chibo.inspection.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;

import org.chibo.chassis.testing.EmbeddedInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The feed's store against the embedded MongoDB-wire server: places handed out once, events appended once, retention. */
class FeedEntriesIT {

    private static final String DATABASE = "inspection-feed-entries-it";
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    static MongoClient client;
    static FeedEntries entries;

    @BeforeAll
    static void store() {
        client = MongoClients.create(EmbeddedInfra.mongoUri(DATABASE));
        entries = new FeedEntries(new MongoTemplate(client, DATABASE));
        entries.ensureIndexes();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void eventsGetConsecutivePlacesOnceEachAndOldOnesAreDroppedAndRemembered() {
        long before = entries.marks().allocated();
        assertThat(entries.append(List.of(entry("a", T0), entry("b", T0.plusSeconds(60)), entry("a", T0)))).isEqualTo(2);
        assertThat(entries.append(List.of(entry("b", T0.plusSeconds(60)), entry("c", T0.plusSeconds(120))))).isEqualTo(1);
        assertThat(entries.marks().allocated()).isEqualTo(before + 3);
        assertThat(entries.between(before + 1, before + 5)).extracting(FeedEntry::seq, FeedEntry::eventId)
                .containsExactly(tuple(before + 1, "a"), tuple(before + 2, "b"), tuple(before + 3, "c"));

        assertThat(entries.expireBefore(T0.plusSeconds(90))).isEqualTo(before + 2);
        assertThat(entries.marks().expiredUpTo()).isEqualTo(before + 2);
        assertThat(entries.between(before + 1, before + 3)).extracting(FeedEntry::eventId).containsExactly("c");
        // nothing older left: the mark stays
        assertThat(entries.expireBefore(T0.plusSeconds(90))).isEqualTo(before + 2);
    }

    @Test
    void writersAppendingTheSameEventsAtOnceLeaveEachOnceAndNoPlaceEmpty() throws Exception {
        for (int round = 0; round < 10; round++) {
            long before = entries.marks().allocated();
            List<FeedEntries.NewEntry> same = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                same.add(entry("race-" + round + "-" + i, T0.plusSeconds(3600)));
            }
            try (var writers = java.util.concurrent.Executors.newFixedThreadPool(4)) {
                for (int w = 0; w < 4; w++) {
                    writers.submit(() -> entries.append(same));
                }
            }
            long after = entries.marks().allocated();
            List<FeedEntry> written = entries.between(before + 1, after);
            // a place handed out to an event another writer appended first holds a placeholder, never nothing
            assertThat(written).hasSize((int) (after - before));
            assertThat(written).filteredOn(e -> !e.isPlaceholder()).extracting(FeedEntry::eventId)
                    .containsExactlyInAnyOrderElementsOf(same.stream().map(FeedEntries.NewEntry::eventId).toList());
        }
    }

    private static FeedEntries.NewEntry entry(String eventId, Instant at) {
        return new FeedEntries.NewEntry(eventId, "chibo.inspection.finding-raised.v1", "/city/d1/b1/",
                "{\"findingId\":\"" + eventId + "\"}", at);
    }
}
