package org.chibo.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process), run in its own JVM
 * by the supervisor. Usage: {@code KafkaNode <dir> <port> <controllerPort>}.
 *
 * <p>The storage is formatted once with a fixed cluster id; later starts find it formatted and keep it, so topics,
 * events and consumer offsets survive a restart. {@code server.properties} is rewritten on every start, so changed
 * ports take effect.
 */
public final class KafkaNode {

    /** Any valid id works; it only has to stay the same across restarts of one data directory. */
    static final String CLUSTER_ID = "ppM7EHbXQVymM93IvEPWKA";
    static final int NODE_ID = 1;

    private KafkaNode() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: KafkaNode <dir> <port> <controllerPort>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);

        Files.createDirectories(dir);
        Path config = dir.resolve("server.properties");
        write(config, serverProperties(dir.resolve("log"), port, controllerPort));

        int formatted = kafka.tools.StorageTool.execute(new String[] {
                "format", "--cluster-id", CLUSTER_ID, "--config", config.toString(), "--ignore-formatted"}, System.out);
        if (formatted != 0) {
            System.err.println("kafka: formatting the storage in " + dir + " failed (exit code " + formatted + ")");
            System.exit(1);
        }

        ParentWatch.exitWhenParentEnds("kafka");
        // The stock entry point: starts the server, adds the shutdown hook that stops it cleanly on SIGTERM,
        // and exits when it has stopped.
        kafka.Kafka.main(new String[] {config.toString()});
    }

    static Map<String, String> serverProperties(Path logDir, int port, int controllerPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "12");
        // one broker: every internal topic has one replica, and nothing can wait for a second one
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // fewer internal partitions than the default 50: less to load at start on a small machine
        p.put("offsets.topic.num.partitions", "12");
        // a consumer group with one member need not wait 3 s for others to join
        p.put("group.initial.rebalance.delay.ms", "0");
        // event topics are the source of truth that projections are rebuilt from: keep everything
        p.put("log.retention.ms", "-1");
        return p;
    }

    /**
     * Through {@link Properties} and a byte stream: Kafka loads the file as ISO-8859-1 properties, and this escapes
     * backslashes, colons and non-Latin characters in paths the way that loader reads them back.
     */
    private static void write(Path file, Map<String, String> properties) throws IOException {
        Properties props = new Properties();
        props.putAll(properties);
        try (OutputStream out = Files.newOutputStream(file)) {
            props.store(out, "written by org.chibo.devstack.KafkaNode on every start; edits are overwritten");
        }
    }
}
