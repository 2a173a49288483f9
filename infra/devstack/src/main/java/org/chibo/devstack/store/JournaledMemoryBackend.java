package org.chibo.devstack.store;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The devstack's MongoDB-wire store: mongo-java-server's in-memory backend, made durable by a journal of every
 * change ({@link Journal}). Queries run at memory speed, so a query the store cannot answer from an index (it uses
 * only unique ones) scans objects, not serialised rows as its H2 file backend did: on a whole demo city that backend
 * spent its time deserialising and the services' health checks timed out.
 * <p>
 * On opening, the journal is replayed into memory and rewritten as a snapshot holding each live document once, so
 * it grows only with the changes of one run. It also answers {@code hello}, which Spring Boot 4's health indicator
 * sends and mongo-java-server 1.47 knows only as {@code isMaster}.
 */
public final class JournaledMemoryBackend extends MemoryBackend {

    private volatile Journal journal;

    private JournaledMemoryBackend() {
    }

    /** Opens the store kept in {@code file} (created if missing), reporting what it restored to {@code log}. */
    public static JournaledMemoryBackend open(Path file, PrintStream log) throws IOException {
        long started = System.nanoTime();
        Snapshot snapshot = new Snapshot();
        long bytes = 0;
        if (Files.exists(file)) {
            bytes = Files.size(file);
            if (!Journal.read(file, snapshot::apply)) {
                log.println("store journal " + file + " ended in a record cut short by a crash; that record is dropped");
            }
        }
        JournaledMemoryBackend backend = new JournaledMemoryBackend();
        snapshot.databases.forEach((name, database) ->
                ((JournaledDatabase) backend.resolveDatabase(name)).restore(database.collections, database.indexes.values()));

        Path compacted = file.resolveSibling(file.getFileName() + ".compacting");
        try (Journal out = Journal.create(compacted)) {
            snapshot.writeTo(out);
            out.sync();
        }
        Files.move(compacted, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        backend.journal = Journal.append(file);
        log.println(String.format(Locale.ROOT, "store restored %,d documents in %,d databases from %,.1f MB of journal in %.1f s (now %,.1f MB)",
                snapshot.documentCount(), snapshot.databases.size(), bytes / 1e6, (System.nanoTime() - started) / 1e9,
                Files.size(file) / 1e6));
        return backend;
    }

    Journal journal() {
        return journal;
    }

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new JournaledDatabase(databaseName, getCursorRegistry(), this);
    }

    @Override
    public void dropDatabase(String databaseName) {
        super.dropDatabase(databaseName);
        Journal j = journal;
        if (j != null) {
            j.write(Journal.Op.DROP_DATABASE, databaseName, null, null);
        }
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (command.equalsIgnoreCase("hello")) {
            Document answer = super.handleCommand(channel, databaseName, "isMaster", query);
            answer.put("isWritablePrimary", Boolean.TRUE);
            return answer;
        }
        return super.handleCommand(channel, databaseName, command, query);
    }

    @Override
    public void close() {
        super.close();
        Journal j = journal;
        journal = null;
        if (j != null) {
            try {
                j.sync();
                j.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The live state a journal describes: the last version of each document, and the index definitions. */
    private static final class Snapshot {

        final Map<String, DatabaseState> databases = new LinkedHashMap<>();

        void apply(Journal.Entry entry) {
            switch (entry.op()) {
                case PUT -> database(entry).collection(entry.collection()).put(entry.document().get("_id"), entry.document());
                case DELETE -> database(entry).collection(entry.collection()).remove(entry.document().get("_id"));
                case INDEX -> database(entry).indexes.put(entry.document().get("ns") + "/" + entry.document().get("name"), entry.document());
                case DROP_COLLECTION -> {
                    DatabaseState database = database(entry);
                    database.collections.remove(entry.collection());
                    String ns = entry.database() + "." + entry.collection();
                    database.indexes.values().removeIf(index -> ns.equals(index.get("ns")));
                }
                case DROP_DATABASE -> databases.remove(entry.database());
            }
        }

        private DatabaseState database(Journal.Entry entry) {
            return databases.computeIfAbsent(entry.database(), name -> new DatabaseState());
        }

        long documentCount() {
            return databases.values().stream().flatMap(d -> d.collections.values().stream()).mapToLong(Map::size).sum();
        }

        void writeTo(Journal out) throws IOException {
            for (Map.Entry<String, DatabaseState> database : databases.entrySet()) {
                for (Document index : database.getValue().indexes.values()) {
                    out.writeUnflushed(Journal.Op.INDEX, database.getKey(), null, index);
                }
                for (Map.Entry<String, Map<Object, Document>> collection : database.getValue().collections.entrySet()) {
                    for (Document document : collection.getValue().values()) {
                        out.writeUnflushed(Journal.Op.PUT, database.getKey(), collection.getKey(), document);
                    }
                }
            }
        }
    }

    private static final class DatabaseState {
        final Map<String, Map<Object, Document>> collections = new LinkedHashMap<>();
        final Map<String, Document> indexes = new LinkedHashMap<>();

        Map<Object, Document> collection(String name) {
            return collections.computeIfAbsent(name, n -> new LinkedHashMap<>());
        }
    }
}
