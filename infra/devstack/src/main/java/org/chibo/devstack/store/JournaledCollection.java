package org.chibo.devstack.store;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A collection held in memory whose every change is also written to the journal, as the document it leaves
 * behind. These three methods are the ones mongo-java-server's own file backend persists through: every insert,
 * update, upsert, replacement and delete, whatever the command, ends in one of them.
 * <p>
 * It also finds by a unique index more often than mongo-java-server does: that one uses an index only when the query
 * names exactly the index's fields, so {@code {_id, version}} (every optimistic-lock save) or {@code {_id, status}} (a
 * conditional update) scanned the whole collection — with a city's year of meetings, every check-in scanned 100,000
 * documents. A query with an equality on every field of a unique index can only match the one document that index
 * holds for those values: it is looked up there, and the whole query is then matched against it.
 */
final class JournaledCollection extends MemoryCollection {

    private final JournaledDatabase owner;

    JournaledCollection(JournaledDatabase owner, String name, CollectionOptions options, CursorRegistry cursors) {
        super(owner, name, options, cursors);
        this.owner = owner;
    }

    /**
     * The collection's data size (collStats' {@code size}) is not kept: keeping it BSON-encodes every document before
     * and after each update, an eighth of the store's work while the demo city loads, for a figure no service reads.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected Integer addDocumentInternal(Document document) {
        Integer position = super.addDocumentInternal(document);
        owner.written(getCollectionName(), getDocument(position));
        return position;
    }

    @Override
    protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        owner.written(getCollectionName(), getDocument(position));
    }

    @Override
    protected void removeDocument(Integer position) {
        Object id = getDocument(position).get(getIdField());
        super.removeDocument(position);
        owner.removed(getCollectionName(), id);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        for (Index<Integer> index : getIndexes()) {
            if (!index.isUnique() || index.canHandle(query)) {
                continue; // the superclass uses an index that fits exactly
            }
            Document equalities = equalitiesOn(index, query);
            if (equalities != null && index.canHandle(equalities)) {
                return matchDocuments(query, index.getPositions(equalities), orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The query's plain equalities on every field of {@code index}, or null when it lacks one. */
    private static Document equalitiesOn(Index<Integer> index, Document query) {
        Document equalities = new Document();
        for (IndexKey key : index.getKeys()) {
            Object value = query.get(key.getKey());
            if (!isPlainValue(value)) {
                return null;
            }
            equalities.put(key.getKey(), value);
        }
        return equalities;
    }

    /** A value compared by equality: not null, not an operator document ({@code $in}, {@code $ne}, …), not a list. */
    private static boolean isPlainValue(Object value) {
        if (value == null || value instanceof java.util.Collection<?> || value instanceof java.util.regex.Pattern) {
            return false;
        }
        return !(value instanceof Document d) || d.keySet().stream().noneMatch(k -> k.startsWith("$"));
    }
}
