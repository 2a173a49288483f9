package org.chibo.devstack.store;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A collection held in memory whose every change is also written to the journal, as the document it leaves
 * behind. These three methods are the ones mongo-java-server's own file backend persists through: every insert,
 * update, upsert, replacement and delete, whatever the command, ends in one of them.
 */
final class JournaledCollection extends MemoryCollection {

    private final JournaledDatabase owner;

    JournaledCollection(JournaledDatabase owner, String name, CollectionOptions options, CursorRegistry cursors) {
        super(owner, name, options, cursors);
        this.owner = owner;
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
}
