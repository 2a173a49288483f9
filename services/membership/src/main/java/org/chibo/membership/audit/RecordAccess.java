package org.chibo.membership.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One read of a member's personal record: who, when, what, from where. Party membership reveals political opinion,
 * a special category of personal data (Decree 13/2023/ND-CP): every access is kept.
 *
 * @param who the caller as the gateway identified them; until identity arrives (issue 7), the {@code X-ChiBo-User}
 *            header or "anonymous"
 */
@Document(RecordAccess.COLLECTION)
public record RecordAccess(@Id String id, Instant at, String who, String memberId, String what, String from) {

    public static final String COLLECTION = "record_access_log";
}
