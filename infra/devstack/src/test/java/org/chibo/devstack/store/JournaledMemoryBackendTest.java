package org.chibo.devstack.store;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;

/** The journaled store over the wire, as a service uses it: what was written is there after the store reopens. */
class JournaledMemoryBackendTest {

    @TempDir
    Path dir;

    @Test
    void everyKindOfWriteIsOnDiskAsSoonAsItIsAcknowledged() throws Exception {
        Path file = dir.resolve("store.journal");
        Path killed = dir.resolve("killed.journal");
        withStore(file, db -> {
            MongoCollection<Document> members = db.getCollection("members");
            members.createIndex(Indexes.ascending("cardNumber"), new IndexOptions().unique(true));
            members.insertOne(new Document("_id", "m1").append("cardNumber", "001").append("version", 0));
            members.insertOne(new Document("_id", "m2").append("cardNumber", "002").append("pendingEvents", List.of(new Document("_id", "e1"))));
            members.insertOne(new Document("_id", "m3").append("cardNumber", "003"));
            members.updateOne(eq("_id", "m1"), Updates.inc("version", 1));
            members.updateOne(eq("_id", "m2"), Updates.pull("pendingEvents", new Document("_id", "e1")));
            members.replaceOne(eq("_id", "m4"), new Document("cardNumber", "004"), new ReplaceOptions().upsert(true));
            members.updateOne(eq("_id", "m5"), Updates.set("cardNumber", "005"), new UpdateOptions().upsert(true));
            members.deleteOne(eq("_id", "m3"));
            db.getCollection("scratch").insertOne(new Document("_id", 1));
            db.getCollection("scratch").drop();
            db.getCollection("rosters").insertOne(new Document("_id", "b1").append("members", new Document("m1", new Document("status", "OFFICIAL"))));
            copy(file, killed); // what a killed store process leaves: the journal before any close or sync
        });

        withStore(killed, db -> {
            MongoCollection<Document> members = db.getCollection("members");
            assertThat(members.find().map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactlyInAnyOrder("m1", "m2", "m4", "m5");
            assertThat(members.find(eq("_id", "m1")).first().getInteger("version")).isEqualTo(1);
            assertThat(members.find(eq("_id", "m2")).first().getList("pendingEvents", Document.class)).isEmpty();
            assertThat(members.find(eq("_id", "m5")).first().getString("cardNumber")).isEqualTo("005");
            assertThat(db.listCollectionNames().into(new ArrayList<>())).contains("members", "rosters").doesNotContain("scratch");
            assertThat(db.getCollection("rosters").find(eq("_id", "b1")).first().get("members", Document.class)
                    .get("m1", Document.class).getString("status")).isEqualTo("OFFICIAL");
            // the unique index came back too
            assertThatThrownBy(() -> members.insertOne(new Document("_id", "m9").append("cardNumber", "001")))
                    .isInstanceOf(MongoWriteException.class);
        });
    }

    @Test
    void aQueryWithAnEqualityOnAUniqueIndexAndMoreConditionsMatchesTheWholeQuery() throws Exception {
        withStore(dir.resolve("store.journal"), db -> {
            MongoCollection<Document> meetings = db.getCollection("meetings");
            meetings.createIndex(Indexes.ascending("reference"), new IndexOptions().unique(true));
            meetings.insertOne(new Document("_id", "a").append("reference", "r-a").append("version", 3).append("status", "OPEN"));
            meetings.insertOne(new Document("_id", "b").append("reference", "r-b").append("version", 1).append("status", "OPEN"));

            // an optimistic-lock save: the right version matches, a stale one does not
            assertThat(meetings.updateOne(com.mongodb.client.model.Filters.and(eq("_id", "a"), eq("version", 2)),
                    Updates.set("status", "RECORDED")).getModifiedCount()).isZero();
            assertThat(meetings.updateOne(com.mongodb.client.model.Filters.and(eq("_id", "a"), eq("version", 3)),
                    Updates.set("status", "RECORDED")).getModifiedCount()).isOne();
            assertThat(meetings.find(com.mongodb.client.model.Filters.and(eq("_id", "a"), eq("status", "OPEN"))).first()).isNull();
            assertThat(meetings.find(com.mongodb.client.model.Filters.and(eq("reference", "r-b"), eq("status", "OPEN"))).first()
                    .getString("_id")).isEqualTo("b");
            // an operator on the indexed field is not an equality: the whole collection is matched as before
            assertThat(meetings.find(com.mongodb.client.model.Filters.and(com.mongodb.client.model.Filters.in("_id", "a", "b"),
                    eq("status", "OPEN"))).map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactly("b");
            assertThat(meetings.find(com.mongodb.client.model.Filters.and(com.mongodb.client.model.Filters.ne("_id", "b"),
                    eq("version", 3))).map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactly("a");
        });
    }

    @Test
    void aDroppedDatabaseStaysDropped() throws Exception {
        Path file = dir.resolve("store.journal");
        withStore(file, db -> {
            db.getCollection("findings").insertOne(new Document("_id", "f1"));
            db.drop();
        });
        withStore(file, db -> assertThat(db.getCollection("findings").countDocuments()).isZero());
    }

    @Test
    void aRecordCutShortByACrashIsDroppedAndTheRestKept() throws Exception {
        Path file = dir.resolve("store.journal");
        withStore(file, db -> db.getCollection("members").insertOne(new Document("_id", "m1")));
        // a crash in the middle of the next record: its opcode and part of its database name
        Files.write(file, new byte[] {(byte) Journal.Op.PUT.ordinal(), 0, 20, 'c', 'h'}, StandardOpenOption.APPEND);

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        withStore(file, new PrintStream(log, true, StandardCharsets.UTF_8), db ->
                assertThat(db.getCollection("members").countDocuments()).isEqualTo(1));
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("cut short");
        // the rewrite on opening left a clean file behind
        withStore(file, db -> db.getCollection("members").insertOne(new Document("_id", "m2")));
        withStore(file, db -> assertThat(db.getCollection("members").countDocuments()).isEqualTo(2));
    }

    @Test
    void reopeningRewritesTheJournalWithEachDocumentOnce() throws Exception {
        Path file = dir.resolve("store.journal");
        withStore(file, db -> {
            for (int i = 0; i < 200; i++) {
                db.getCollection("counters").updateOne(eq("_id", "c"), Updates.inc("n", 1), new UpdateOptions().upsert(true));
            }
        });
        long grown = Files.size(file);
        withStore(file, db -> assertThat(db.getCollection("counters").find().first().getInteger("n")).isEqualTo(200));
        assertThat(Files.size(file)).isLessThan(grown / 10);
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void withStore(Path file, Consumer<MongoDatabase> work) throws Exception {
        withStore(file, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), work);
    }

    /** Opens the store, works on it over the wire, shuts it down. */
    private void withStore(Path file, PrintStream log, Consumer<MongoDatabase> work) throws Exception {
        MongoServer server = new MongoServer(JournaledMemoryBackend.open(file, log));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + address.getPort())) {
            work.accept(client.getDatabase("chibo-test"));
        } finally {
            server.shutdownNow();
        }
    }
}
