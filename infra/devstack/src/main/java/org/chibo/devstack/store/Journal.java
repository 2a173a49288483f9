package org.chibo.devstack.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The store's file: an append-only sequence of records, each the state a change left behind (the whole document
 * after an insert or update, the id after a delete), never the command that made it. Replaying it is therefore
 * deterministic, whatever the command computed ({@code $inc}, upserts, server-side dates).
 * <p>
 * A record is {@code op(byte) database(UTF) collection(UTF) length(int) bson(bytes)}, flushed to the operating system
 * as it is written: a killed store process loses nothing, a machine crash at most the last moment. A record cut short
 * by a crash is ignored when the file is read back.
 */
final class Journal implements Closeable {

    enum Op {
        PUT, DELETE, INDEX, DROP_COLLECTION, DROP_DATABASE
    }

    /** One record as read back. */
    record Entry(Op op, String database, String collection, Document document) {
    }

    interface EntryHandler {
        void accept(Entry entry);
    }

    private final FileOutputStream file;
    private final DataOutputStream out;

    private Journal(Path path, boolean append) throws IOException {
        this.file = new FileOutputStream(path.toFile(), append);
        this.out = new DataOutputStream(new BufferedOutputStream(file, 1 << 16));
    }

    static Journal create(Path file) throws IOException {
        return new Journal(file, false);
    }

    static Journal append(Path file) throws IOException {
        return new Journal(file, true);
    }

    synchronized void write(Op op, String database, String collection, Document document) {
        try {
            writeRecord(op, database, collection, document);
            out.flush();
        } catch (IOException e) {
            // the store must not acknowledge a write it could not keep
            throw new UncheckedIOException("could not append to the store's journal", e);
        }
    }

    /** For bulk writing (a snapshot): no flush per record; {@link #sync()} at the end. */
    synchronized void writeUnflushed(Op op, String database, String collection, Document document) throws IOException {
        writeRecord(op, database, collection, document);
    }

    private void writeRecord(Op op, String database, String collection, Document document) throws IOException {
        byte[] bson = encode(document);
        out.writeByte(op.ordinal());
        out.writeUTF(database);
        out.writeUTF(collection == null ? "" : collection);
        out.writeInt(bson.length);
        out.write(bson);
    }

    /** Flushes and forces the file to the disk. */
    synchronized void sync() throws IOException {
        out.flush();
        file.getFD().sync();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /**
     * Reads every whole record of {@code file} in order.
     *
     * @return true if the file ended cleanly, false if its last record was cut short (and was skipped)
     */
    static boolean read(Path file, EntryHandler handler) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            while (true) {
                int opCode = in.read();
                if (opCode < 0) {
                    return true;
                }
                try {
                    Op op = Op.values()[opCode];
                    String database = in.readUTF();
                    String collection = in.readUTF();
                    byte[] bson = new byte[in.readInt()];
                    in.readFully(bson);
                    handler.accept(new Entry(op, database, collection.isEmpty() ? null : collection, decode(bson)));
                } catch (EOFException tornTail) {
                    return false;
                }
            }
        }
    }

    static byte[] encode(Document document) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document == null ? new Document() : document, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } finally {
            buffer.release();
        }
    }

    static Document decode(byte[] bson) {
        ByteBuf buffer = Unpooled.wrappedBuffer(bson);
        try {
            return BsonDecoder.decodeBson(buffer);
        } finally {
            buffer.release();
        }
    }
}
