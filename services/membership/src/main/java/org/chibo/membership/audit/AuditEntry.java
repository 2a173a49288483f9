package org.chibo.membership.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line of the audit log (nhật ký truy cập và thay đổi): who read a member's personal record or changed anything,
 * when, what, and from where. Party membership reveals political opinion, a special category of personal data
 * (Decree 13/2023/ND-CP): every such access is kept. Insert only.
 *
 * @param who      the verified token's subject
 * @param action   what was done, e.g. {@code read-record}, {@code admit}, {@code move}, {@code pay-dues}
 * @param objectId the unit or member acted on (for a payment: the member)
 * @param memberId the member concerned, when the object is a member's record (the filter a data subject's request uses)
 * @param path     the organisation path of the object when it was acted on: what an admin's subtree is matched against
 * @param from     the client address: the first {@code X-Forwarded-For} value, else the peer
 */
@Document(AuditEntry.COLLECTION)
public record AuditEntry(@Id String id, Instant at, String who, String action, String objectId, String memberId,
                         String path, String from) {

    public static final String COLLECTION = "audit_log";
}
