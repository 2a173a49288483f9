package org.chibo.membership.dues;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Đảng phí: set what a member's dues are computed from, record payments, read statements and a branch's arrears. */
@RestController
@Validated
class DuesController {

    private static final String MONTH = "[0-9]{4}-(0[1-9]|1[0-2])";

    private final DuesService dues;

    DuesController(DuesService dues) {
        this.dues = dues;
    }

    record BasisRequest(@NotBlank @Size(max = 40) String category, @Positive Long monthlyIncome,
                        @NotNull @Pattern(regexp = MONTH, message = "a month as YYYY-MM") String from) {
    }

    record PaymentRequest(@NotNull @Pattern(regexp = MONTH, message = "a month as YYYY-MM") String month,
                          @Positive long amount, @NotNull LocalDate paidOn) {
    }

    record Items<T>(List<T> items) {
    }

    @PutMapping("/api/v1/members/{id}/dues-basis")
    DuesBasis setBasis(@PathVariable String id, @Valid @RequestBody BasisRequest r) {
        return dues.setBasis(id, new DuesBasis(r.category(), r.monthlyIncome(), r.from())).getDuesBasis();
    }

    @PostMapping("/api/v1/members/{id}/dues-payments")
    ResponseEntity<DuesPayment> pay(@PathVariable String id, @Valid @RequestBody PaymentRequest r) {
        DuesPayment p = dues.pay(id, r.month(), r.amount(), r.paidOn());
        return ResponseEntity.created(URI.create("/api/v1/members/" + id + "/dues?year=" + r.month().substring(0, 4))).body(p);
    }

    record StatementView(int year, List<DuesStatement.Month> months, long outstanding, long monthsInArrears) {
    }

    @GetMapping("/api/v1/members/{id}/dues")
    StatementView statement(@PathVariable String id, @RequestParam @Min(2000) @Max(2100) int year) {
        DuesStatement s = dues.statement(id, year);
        return new StatementView(s.year(), s.months(), s.outstanding(), s.monthsInArrears());
    }

    @GetMapping("/api/v1/dues/arrears")
    Items<DuesService.Arrears> arrears(@RequestParam @NotBlank String branchId, @RequestParam @Min(2000) @Max(2100) int year) {
        return new Items<>(dues.arrears(branchId, year));
    }
}
