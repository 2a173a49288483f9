package org.chibo.membership.profile;

import java.util.List;

import org.bson.Document;
import org.chibo.membership.member.Member;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterLoadEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps the identity number, phone and permanent address of a member's profile encrypted in the store, while the
 * domain and the API see plain values. On every write of a member (insert, save, bulk insert) the fields are moved out
 * of {@code profile.identity} into {@code profile.identity.sealed} as ciphertext, with the identity number's keyed hash
 * in {@code profile.identity.identityNumberHash} (indexed, for the search); on every read of a member they are put
 * back before the document becomes a {@link Member}. Working on the document rather than the entity means no code
 * path that saves a member can forget it.
 */
@Component
public class SealedProfiles extends AbstractMongoEventListener<Member> {

    static final List<String> SEALED_FIELDS = List.of("identityNumber", "phone", "permanentAddress");
    static final String HASH_FIELD = "identityNumberHash";
    /** Where a search by identity number looks. */
    public static final String IDENTITY_NUMBER_HASH = "profile.identity." + HASH_FIELD;

    private final FieldSeal seal;
    private final MongoTemplate mongo;

    SealedProfiles(FieldSeal seal, MongoTemplate mongo) {
        this.seal = seal;
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        mongo.indexOps(Member.COLLECTION).createIndex(new Index().on(IDENTITY_NUMBER_HASH, Sort.Direction.ASC).sparse());
    }

    /** The keyed hash a search compares with {@link #IDENTITY_NUMBER_HASH}. */
    public String identityNumberHash(String identityNumber) {
        return seal.hash(identityNumber);
    }

    @Override
    public void onBeforeSave(BeforeSaveEvent<Member> event) {
        Document identity = identityOf(event.getDocument());
        if (identity == null) {
            return;
        }
        String memberId = String.valueOf(event.getDocument().get("_id"));
        Document sealed = new Document();
        for (String field : SEALED_FIELDS) {
            Object plain = identity.remove(field);
            if (plain != null) {
                sealed.put(field, seal.seal(plain.toString(), memberId));
                if (field.equals("identityNumber")) {
                    identity.put(HASH_FIELD, seal.hash(plain.toString()));
                }
            }
        }
        if (!sealed.isEmpty()) {
            identity.put("sealed", sealed);
        }
    }

    @Override
    public void onAfterLoad(AfterLoadEvent<Member> event) {
        Document identity = identityOf(event.getDocument());
        if (identity == null) {
            return;
        }
        identity.remove(HASH_FIELD);
        if (identity.remove("sealed") instanceof Document sealed) {
            String memberId = String.valueOf(event.getDocument().get("_id"));
            for (String field : SEALED_FIELDS) {
                if (sealed.get(field) instanceof String ciphertext) {
                    identity.put(field, seal.open(ciphertext, memberId));
                }
            }
        }
    }

    private static Document identityOf(Document member) {
        if (member != null && member.get("profile") instanceof Document profile && profile.get("identity") instanceof Document identity) {
            return identity;
        }
        return null;
    }
}
