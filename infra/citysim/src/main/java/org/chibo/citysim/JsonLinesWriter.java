package org.chibo.citysim;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Writes the import file: UTF-8, one JSON object per line, {@code \n} line ends whatever the platform, fields in a
 * fixed order and null fields left out. Written by hand rather than through a mapper so the bytes depend on nothing
 * but the records (the same seed must give a byte-identical file).
 */
final class JsonLinesWriter implements Closeable {

    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);
    private long lines;

    JsonLinesWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    void write(Unit unit) throws IOException {
        start("unit");
        field("code", unit.code());
        field("name", unit.name());
        field("kind", unit.kind().name());
        field("parentCode", unit.parentCode());
        field("branchKind", unit.branchKind() == null ? null : unit.branchKind().name());
        if (unit.meetingDay() != null) {
            line.append(",\"meetingDay\":").append(unit.meetingDay().intValue());
        }
        end();
    }

    void write(Member member) throws IOException {
        start("member");
        field("cardNumber", member.cardNumber());
        field("fullName", member.fullName());
        field("gender", member.gender().name());
        field("birthDate", member.birthDate());
        field("branchCode", member.branchCode());
        field("status", member.status().name());
        field("admittedOn", member.admittedOn());
        field("recognisedOn", member.recognisedOn());
        end();
    }

    long lines() {
        return lines;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    void flush() throws IOException {
        out.flush();
    }

    private void start(String record) {
        line.setLength(0);
        line.append("{\"record\":\"").append(record).append('"');
    }

    private void field(String name, LocalDate value) {
        if (value != null) {
            line.append(",\"").append(name).append("\":\"").append(value).append('"');
        }
    }

    private void field(String name, String value) {
        if (value == null) {
            return;
        }
        line.append(",\"").append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20) {
                        line.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }

    private void end() throws IOException {
        line.append("}\n");
        out.append(line);
        lines++;
    }
}
