package org.chibo.devstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Everything the devstack runs, in start order. Each one is a separate JVM. */
public enum Component {
    KAFKA("kafka", 9092, Stage.INFRA),
    MONGO("mongo", 27017, Stage.INFRA),
    /** The local OIDC identity provider (infra/identity): every service and the gateway verify its tokens. */
    IDENTITY("identity", 9000, Stage.INFRA),
    MEMBERSHIP("membership", 8081, Stage.SERVICES),
    MEETING("meeting", 8082, Stage.SERVICES),
    INSPECTION("inspection", 8083, Stage.SERVICES),
    EVALUATION("evaluation", 8084, Stage.SERVICES),
    GATEWAY("gateway", 8080, Stage.EDGE);

    /** Components of one stage start together, after the previous stage is ready, and stop in reverse. */
    public enum Stage { INFRA, SERVICES, EDGE }

    /** The broker's KRaft controller listener is not a component of its own, but it needs a port too. */
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;

    private final String id;
    private final int defaultPort;
    private final Stage stage;

    Component(String id, int defaultPort, Stage stage) {
        this.id = id;
        this.defaultPort = defaultPort;
        this.stage = stage;
    }

    /** The lower-case name used on the command line, in log prefixes and in file names. */
    public String id() {
        return id;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public Stage stage() {
        return stage;
    }

    /**
     * A Spring Boot application (the identity provider, a service or the gateway), as opposed to Kafka and Mongo, which
     * the devstack runs itself.
     */
    public boolean isBootApp() {
        return this != KAFKA && this != MONGO;
    }

    /** Where the reactor build leaves the executable jar (the team's naming convention). */
    Path defaultJar(Path repoRoot) {
        return switch (this) {
            case GATEWAY -> repoRoot.resolve("gateway/target/chibo-gateway.jar");
            case IDENTITY -> repoRoot.resolve("infra/identity/target/chibo-identity.jar");
            default -> repoRoot.resolve("services").resolve(id).resolve("target").resolve("chibo-" + id + ".jar");
        };
    }

    /** One MongoDB database per service; nobody reads another service's database. */
    String database() {
        return "chibo-" + id;
    }

    static List<Component> inStage(Stage stage) {
        return Arrays.stream(values()).filter(c -> c.stage == stage).toList();
    }

    public static Component of(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(c -> c.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown component '" + id + "'; known: "
                        + Arrays.stream(values()).map(Component::id).collect(Collectors.joining(", "))));
    }
}
