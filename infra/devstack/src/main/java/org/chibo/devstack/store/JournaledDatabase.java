package org.chibo.devstack.store;

import java.util.Collection;
import java.util.Map;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * One database of the journaled store. Documents of the service's own collections are journaled as they are;
 * of mongo-java-server's bookkeeping collections only the index definitions are, since the others are rebuilt
 * when the collections are restored.
 */
final class JournaledDatabase extends MemoryDatabase {

    static final String INDEXES = "system.indexes";
    private static final String ID_INDEX = "_id_";

    /** Null while the superclass's constructor opens the bookkeeping collections: nothing is journaled then. */
    private final JournaledMemoryBackend backend;

    JournaledDatabase(String name, CursorRegistry cursors, JournaledMemoryBackend backend) {
        super(name, cursors);
        this.backend = backend;
    }

    @Override
    protected MemoryCollection openOrCreateCollection(String name, CollectionOptions options) {
        return new JournaledCollection(this, name, options, cursorRegistry);
    }

    void written(String collection, Document document) {
        Journal journal = backend == null ? null : backend.journal();
        if (journal == null) {
            return;
        }
        if (collection.equals(INDEXES)) {
            journal.write(Journal.Op.INDEX, databaseName, null, document);
        } else if (!isBookkeeping(collection)) {
            journal.write(Journal.Op.PUT, databaseName, collection, document);
        }
    }

    void removed(String collection, Object id) {
        Journal journal = backend == null ? null : backend.journal();
        if (journal != null && !isBookkeeping(collection)) {
            journal.write(Journal.Op.DELETE, databaseName, collection, new Document("_id", id));
        }
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        Journal journal = backend == null ? null : backend.journal();
        if (journal != null) {
            journal.write(Journal.Op.DROP_COLLECTION, databaseName, collectionName, null);
        }
    }

    /** Puts back what the journal held: the documents first, then the indexes, each built once over them. */
    void restore(Map<String, Map<Object, Document>> collections, Collection<Document> indexes) {
        collections.forEach((name, documents) -> {
            MongoCollection<Integer> collection = resolveOrCreateCollection(name);
            documents.values().forEach(collection::addDocument);
        });
        for (Document index : indexes) {
            if (!ID_INDEX.equals(index.get("name"))) {
                addIndex(index);
            }
        }
    }

    private static boolean isBookkeeping(String collection) {
        return collection.startsWith("system.");
    }
}
