package org.chibo.devstack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The command line and environment each child JVM is started with: the contract between devstack and services. */
final class ChildCommands {

    /** Children decode nothing from the locale: we read their output as UTF-8 (Vietnamese names appear in logs). */
    private static final List<String> COMMON_JVM_OPTIONS = List.of(
            "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8", "-XX:+ExitOnOutOfMemoryError");
    /**
     * Newer JDKs warn, at every start, that Kafka, Netty and friends use sun.misc.Unsafe (24+) or load native
     * libraries (22+); that is the libraries' business, not the developer's. The children run on our own java, so our
     * version says which options exist.
     */
    private static final List<String> QUIET_JDK_WARNINGS = quietJdkWarnings(Runtime.version().feature());

    private final String java;
    private final String infraClasspath;
    private final DataDir dataDir;
    private final Map<Component, Integer> ports;
    private final int kafkaControllerPort;
    private final Map<Component, Path> jars;
    private final List<String> bootAppJvmOptions;

    ChildCommands(String java, String infraClasspath, DataDir dataDir, Map<Component, Integer> ports,
                  int kafkaControllerPort, Map<Component, Path> jars, List<String> bootAppJvmOptions) {
        this.java = java;
        this.infraClasspath = infraClasspath;
        this.dataDir = dataDir;
        this.ports = ports;
        this.kafkaControllerPort = kafkaControllerPort;
        this.jars = jars;
        this.bootAppJvmOptions = bootAppJvmOptions;
    }

    List<String> command(Component component) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add(maxHeap(component));
        command.addAll(COMMON_JVM_OPTIONS);
        command.addAll(QUIET_JDK_WARNINGS);
        switch (component) {
            case KAFKA -> command.addAll(List.of("-cp", infraClasspath, KafkaNode.class.getName(),
                    dataDir.kafkaDir().toString(), port(Component.KAFKA), Integer.toString(kafkaControllerPort)));
            case MONGO -> command.addAll(List.of("-cp", infraClasspath, MongoNode.class.getName(),
                    dataDir.mongoFile().toString(), port(Component.MONGO)));
            default -> {
                command.addAll(bootAppJvmOptions);
                command.addAll(List.of("-jar", jar(component).toString()));
            }
        }
        return command;
    }

    /** The store holds every service's data in its heap; a whole demo city with a year of meetings needs a few GiB. */
    private static String maxHeap(Component component) {
        return switch (component) {
            case MONGO -> "-Xmx8g";
            case KAFKA -> "-Xmx512m";
            // a city-wide scorecard or statistics read holds every branch-year of the city at once (6,232 at Hải
            // Phòng's scale): 384 MB ran out on the whole demo city's year
            case EVALUATION -> "-Xmx1g";
            default -> "-Xmx384m";
        };
    }

    /** Something unique to this child's command line, to recognise it when it is left running (see DataDir). */
    Optional<String> commandLineMarker(Component component) {
        return switch (component) {
            case KAFKA -> Optional.of(dataDir.kafkaDir().toString());
            case MONGO -> Optional.of(dataDir.mongoFile().toString());
            default -> Optional.ofNullable(jar(component)).map(Path::toString);
        };
    }

    Map<String, String> environment(Component component) {
        Map<String, String> env = new LinkedHashMap<>();
        if (!component.isBootApp()) {
            return env;
        }
        env.put("SERVER_PORT", port(component));
        if (component == Component.IDENTITY) {
            env.put("CHIBO_IDENTITY_ISSUER", issuer());
            env.put("CHIBO_IDENTITY_KEY_FILE", dataDir.identitySigningKey().toString());
            // demo only: the one-line curl of the README, citysim and the tests log in with the password grant
            env.put("CHIBO_IDENTITY_PASSWORD_GRANT_ENABLED", "true");
            return env;
        }
        // every service and the gateway accept the tokens of the devstack's identity provider, wherever it listens
        env.put("CHIBO_SECURITY_ISSUER", issuer());
        env.put("CHIBO_SECURITY_JWK_SET_URI", issuer() + "/oauth2/jwks");
        if (component == Component.GATEWAY) {
            for (Component service : Component.inStage(Component.Stage.SERVICES)) {
                env.put("CHIBO_" + service.name() + "_URL", "http://localhost:" + port(service));
            }
        } else {
            env.put("CHIBO_KAFKA_BOOTSTRAP", "localhost:" + port(Component.KAFKA));
            env.put("CHIBO_MONGODB_URI", "mongodb://localhost:" + port(Component.MONGO) + "/" + component.database());
        }
        return env;
    }

    /** The identity provider's issuer: the {@code iss} of its tokens, and where its key set is. */
    String issuer() {
        return "http://localhost:" + port(Component.IDENTITY);
    }

    /** All the ports a component listens on, to check they are free before it starts. */
    List<Integer> portsOf(Component component) {
        return component == Component.KAFKA
                ? List.of(ports.get(component), kafkaControllerPort)
                : List.of(ports.get(component));
    }

    Path jar(Component component) {
        return jars.get(component);
    }

    /** Fails before anything starts when a jar is missing, naming the module to build. */
    void requireJar(Component component) {
        Path jar = jar(component);
        if (component.isBootApp() && jar == null) {
            throw new StackException("no jar configured for " + component.id() + " (and no repository to find it in)");
        }
        if (component.isBootApp() && !Files.isRegularFile(jar)) {
            throw new StackException("no jar for " + component.id() + " at " + jar
                    + "; build it first (./mvnw -DskipTests package from the repository root)");
        }
    }

    private String port(Component component) {
        return Integer.toString(ports.get(component));
    }

    /**
     * The classpath for the Kafka and Mongo JVMs: this module's classes plus its runtime dependencies, which the
     * build copies to target/lib. Run from elsewhere (an IDE), fall back to our own classpath.
     */
    static String defaultInfraClasspath() {
        try {
            Path ours = Path.of(Stack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = ours.getParent().resolve("lib");
            if (Files.isDirectory(lib)) {
                return lib.resolve("*") + File.pathSeparator + ours;
            }
        } catch (Exception unknownLocation) {
            // fall through
        }
        return System.getProperty("java.class.path");
    }

    static List<String> quietJdkWarnings(int javaVersion) {
        List<String> options = new ArrayList<>();
        if (javaVersion >= 22) {
            options.add("--enable-native-access=ALL-UNNAMED");
        }
        if (javaVersion >= 23) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }

    /** The java that runs the supervisor runs the children too: one JDK, found without any machine path. */
    static String currentJava() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
