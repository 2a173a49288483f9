package org.chibo.membership.member;

import java.util.Map;

import org.chibo.chassis.security.Caller;
import org.chibo.chassis.security.Role;
import org.chibo.membership.access.Access;
import org.chibo.membership.audit.AuditLog;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Runs the recognition-due notices now, as the nightly schedule would (for operators and simulations): an
 * administrative call of the city admin, over their own subtree only.
 */
@RestController
@Tag(name = "Quản trị (administration)")
class RecognitionDueController {

    private final RecognitionDueNotices notices;
    private final AuditLog audit;

    RecognitionDueController(RecognitionDueNotices notices, AuditLog audit) {
        this.notices = notices;
        this.audit = audit;
    }

    @Operation(summary = "Nhắc công nhận đảng viên chính thức: raise the recognition-due notices of the caller's subtree now")
    @PostMapping("/api/v1/admin/recognition-due/run")
    Map<String, Integer> run(Caller caller) {
        caller.requireAnyRole("run the recognition-due notices", Role.CITY_ADMIN);
        int raised = notices.raiseDue(Access.within(caller, "organisationPath"));
        audit.record(caller, AuditLog.Subject.unit("run-recognition-due", caller.organisationId(), "/" + caller.organisationId() + "/"));
        return Map.of("raised", raised);
    }
}
