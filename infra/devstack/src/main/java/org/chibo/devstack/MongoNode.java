package org.chibo.devstack;

import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded MongoDB-wire store, run in its own JVM: mongo-java-server with the H2 MVStore backend (see
 * {@link ChiboMongoBackend}), so data survives a restart. Usage: {@code MongoNode <file.mv> <port>}.
 */
public final class MongoNode {

    private MongoNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: MongoNode <store file> <port>");
            System.exit(2);
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(file.getParent());

        MongoServer server = new MongoServer(new ChiboMongoBackend(file.toString()));
        // shutdownNow() closes the backend, which closes the MVStore: its last changes reach the file only then
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            System.out.println("mongo store closed: " + file);
        }, "mongo-shutdown"));
        server.bind("localhost", port);
        ParentWatch.exitWhenParentEnds("mongo");
        System.out.println("mongo listening on localhost:" + port + ", store " + file);

        Thread.currentThread().join(); // Netty serves on its own threads; we live until SIGTERM
    }
}
