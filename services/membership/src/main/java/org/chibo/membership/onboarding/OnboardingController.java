package org.chibo.membership.onboarding;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.chibo.chassis.security.Caller;
import org.chibo.chassis.security.Role;
import org.chibo.chassis.web.InvalidFieldException;
import org.chibo.membership.access.Access;
import org.chibo.membership.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Min;

/** Nhập, xuất dữ liệu: onboard a register from the documented JSON Lines file; export the register in the same format. */
@RestController
@Validated
@Tag(name = "Nhập, xuất dữ liệu (import, export)")
class OnboardingController {

    static final String NDJSON = "application/x-ndjson";

    private final RegisterImport imports;
    private final RegisterExport exports;
    private final int maxLines;
    private final AuditLog audit;

    OnboardingController(RegisterImport imports, RegisterExport exports,
                         @Value("${chibo.membership.import.max-lines-per-request:10000}") int maxLines, AuditLog audit) {
        this.imports = imports;
        this.exports = exports;
        this.maxLines = maxLines;
        this.audit = audit;
    }

    @Operation(summary = "Nhập dữ liệu: onboard units and đảng viên from JSON Lines (city admin; every row inside their subtree)")
    @PostMapping(path = "/api/v1/imports", consumes = {NDJSON, MediaType.TEXT_PLAIN_VALUE})
    ImportReport importFile(HttpServletRequest request, @RequestParam(defaultValue = "1") @Min(1) int firstLine, Caller caller) throws IOException {
        caller.requireAnyRole("import a register", Role.CITY_ADMIN);
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (lines.size() == maxLines) {
                    throw new InvalidFieldException("body", "at most " + maxLines
                            + " lines per request; send a larger file in chunks, passing firstLine for each");
                }
                lines.add(line);
            }
        }
        return imports.importLines(lines, firstLine, caller);
    }

    @Operation(summary = "Xuất dữ liệu: the caller's subtree of the register as JSON Lines (city admin, committee staff)")
    @GetMapping(path = "/api/v1/exports", produces = NDJSON)
    ResponseEntity<StreamingResponseBody> export(Caller caller) {
        caller.requireAnyRole("export the register", Access.STAFF);
        // a bulk read of personal data (names, birth dates): logged like a record read, once for the whole file
        audit.record(caller, AuditLog.Subject.unit("export", caller.organisationId(), "/" + caller.organisationId() + "/"));
        StreamingResponseBody body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            exports.writeTo(writer, caller);
            writer.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON))
                .header("Content-Disposition", "attachment; filename=\"chibo-register.jsonl\"").body(body);
    }
}
