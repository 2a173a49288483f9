package org.chibo.membership.audit;

import java.util.List;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** Nhật ký truy cập: who read a member's record, newest first. (Restricted to admins once identity exists, issue 7.) */
@RestController
@Validated
class RecordAccessController {

    private final RecordAccessLog log;

    RecordAccessController(RecordAccessLog log) {
        this.log = log;
    }

    record Page(List<RecordAccess> items, int page, int size) {
    }

    @GetMapping("/api/v1/audit/record-access")
    Page ofMember(@RequestParam @NotBlank String memberId,
                  @RequestParam(defaultValue = "0") @Min(0) int page,
                  @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return new Page(log.of(memberId, page, size), page, size);
    }
}
