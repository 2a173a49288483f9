package org.chibo.membership.onboarding;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.chibo.chassis.web.InvalidFieldException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Min;

/** Nhập, xuất dữ liệu: onboard a register from the documented JSON Lines file; export the register in the same format. */
@RestController
@Validated
class OnboardingController {

    static final String NDJSON = "application/x-ndjson";

    private final RegisterImport imports;
    private final RegisterExport exports;
    private final int maxLines;

    OnboardingController(RegisterImport imports, RegisterExport exports,
                         @Value("${chibo.membership.import.max-lines-per-request:10000}") int maxLines) {
        this.imports = imports;
        this.exports = exports;
        this.maxLines = maxLines;
    }

    @PostMapping(path = "/api/v1/imports", consumes = {NDJSON, MediaType.TEXT_PLAIN_VALUE})
    ImportReport importFile(HttpServletRequest request, @RequestParam(defaultValue = "1") @Min(1) int firstLine) throws IOException {
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
        return imports.importLines(lines, firstLine);
    }

    @GetMapping(path = "/api/v1/exports", produces = NDJSON)
    ResponseEntity<StreamingResponseBody> export() {
        StreamingResponseBody body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            exports.writeTo(writer);
            writer.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON))
                .header("Content-Disposition", "attachment; filename=\"chibo-register.jsonl\"").body(body);
    }
}
