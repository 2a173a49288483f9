package org.chibo.devstack;

import de.bwaldvogel.mongo.MongoServer;
import org.chibo.devstack.store.JournaledMemoryBackend;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded MongoDB-wire store, run in its own JVM: mongo-java-server's in-memory backend with a journal on
 * disk (see {@link JournaledMemoryBackend}), so data survives a restart. Usage: {@code MongoNode <journal> <port>}.
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

        MongoServer server = new MongoServer(JournaledMemoryBackend.open(file, System.out));
        // shutdownNow() closes the backend, which forces the journal to the disk
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
