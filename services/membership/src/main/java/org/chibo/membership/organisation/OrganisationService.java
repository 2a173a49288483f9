package org.chibo.membership.organisation;

import java.time.Clock;
import java.util.UUID;

import org.chibo.chassis.outbox.Outbox;
import org.chibo.chassis.outbox.PendingEvent;
import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.chassis.web.NotFoundException;
import org.chibo.contracts.EventCatalogue;
import org.chibo.contracts.membership.OrganisationRegistered;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Service;

@Service
public class OrganisationService {

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;

    OrganisationService(MongoTemplate mongo, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        // a subtree is every unit whose path starts with the root's path: an anchored prefix query on this index
        mongo.indexOps(OrganisationUnit.COLLECTION).createIndex(new Index().on("path", Sort.Direction.ASC));
    }

    public OrganisationUnit register(String name, OrganisationKind kind, String parentId) {
        OrganisationUnit parent = null;
        if (parentId != null) {
            parent = mongo.findById(parentId, OrganisationUnit.class);
            if (parent == null) {
                throw new InvalidFieldException("parentId", "no organisation unit " + parentId);
            }
            if (!kind.allowedParents().contains(parent.getKind())) {
                throw new InvalidFieldException("parentId", "a " + kind + " cannot sit under a " + parent.getKind()
                        + "; allowed parents: " + kind.allowedParents());
            }
        } else if (!kind.mayStandAlone()) {
            throw new InvalidFieldException("parentId", "a " + kind + " needs a parent, one of " + kind.allowedParents());
        }
        OrganisationUnit unit = new OrganisationUnit(UUID.randomUUID().toString(), parent, kind, name.strip(), clock.instant());
        OrganisationRegistered event = new OrganisationRegistered(unit.getId(), unit.getParentId(), kind.name(),
                unit.getName(), unit.getPath(), unit.getRegisteredAt());
        unit.raise(outbox.stamp(PendingEvent.of(EventCatalogue.ORGANISATION_REGISTERED, unit.getId(), unit.getId(),
                event, unit.getRegisteredAt())));
        mongo.insert(unit);
        outbox.publishSoon(OrganisationUnit.COLLECTION, unit.getId());
        return unit;
    }

    public OrganisationUnit get(String id) {
        OrganisationUnit unit = mongo.findById(id, OrganisationUnit.class);
        if (unit == null) {
            throw new NotFoundException("organisation unit", id);
        }
        return unit;
    }
}
