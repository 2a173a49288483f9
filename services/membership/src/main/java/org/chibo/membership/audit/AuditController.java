package org.chibo.membership.audit;

import java.time.Instant;
import java.util.List;

import org.chibo.chassis.security.Caller;
import org.chibo.chassis.security.Role;
import org.chibo.chassis.web.InvalidFieldException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** Nhật ký truy cập và thay đổi: the audit log, for a city admin, limited to their subtree. */
@RestController
@Validated
@Tag(name = "Nhật ký (audit)")
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    record Page(List<AuditEntry> items, int page, int size, boolean hasMore) {
    }

    @Operation(summary = "Nhật ký: ai đã đọc hồ sơ đảng viên hoặc thay đổi gì, khi nào, từ đâu (city admin, own subtree)")
    @GetMapping("/api/v1/audit")
    Page find(@RequestParam(required = false) @Size(max = 64) String memberId,
              @RequestParam(required = false) @Size(max = 200) String actor,
              @RequestParam(required = false) Instant from,
              @RequestParam(required = false) Instant to,
              @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
              @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
              Caller caller) {
        caller.requireAnyRole("read the audit log", Role.CITY_ADMIN);
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidFieldException("to", "to must be after from");
        }
        AuditLog.Found found = log.find(caller, new AuditLog.Filter(memberId, actor, from, to), page, size);
        return new Page(found.items(), page, size, found.hasMore());
    }
}
