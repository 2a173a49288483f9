package org.chibo.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.chibo.citysim.auth.Credentials;
import org.chibo.citysim.auth.PasswordGrantTokens;

/**
 * The whole ChiBo system on one machine: Kafka and Mongo, then the four services, then the gateway, each its own
 * JVM, each awaited until ready. Used by {@link DevStack} and by end-to-end tests:
 *
 * <pre>{@code
 * try (Stack stack = Stack.builder().dataDir(tmp).randomPorts().build()) {
 *     stack.start();
 *     stack.kill("inspection");      // like a crash
 *     stack.startService("inspection");
 * }
 * }</pre>
 *
 * Component names: kafka, mongo, identity, membership, meeting, inspection, evaluation, gateway.
 */
public final class Stack implements AutoCloseable {

    private final Settings settings;
    private final DataDir dataDir;
    private final ChildCommands commands;
    private final Console console;
    private final Map<Component, ChildProcess> running = new ConcurrentHashMap<>();
    private final Object lifecycle = new Object();
    private boolean opened;
    private volatile boolean closed;

    private Stack(Settings settings) {
        this.settings = settings;
        this.console = settings.console;
        this.dataDir = new DataDir(settings.dataDir);
        this.commands = new ChildCommands(ChildCommands.currentJava(), settings.infraClasspath, dataDir,
                settings.ports, settings.kafkaControllerPort, settings.jars, settings.bootAppJvmOptions);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts every selected component, stage by stage, and returns once all are ready. */
    public void start() {
        settings.selected.forEach(commands::requireJar); // a missing gateway jar should not wait for the services
        openDataDir();
        boolean firstStart = !dataDir.isInitialised();
        for (Component.Stage stage : Component.Stage.values()) {
            List<Component> components = settings.selected.stream().filter(c -> c.stage() == stage).toList();
            Map<ChildProcess, Readiness.Probe> starting = new LinkedHashMap<>();
            for (Component component : components) {
                starting.put(launch(component), probeFor(component));
            }
            Readiness.awaitAll(starting, settings.readyTimeout, () -> closed, console);
        }
        if (firstStart) {
            runFirstStartHooks();
        }
    }

    /** Starts one component (typically again, after {@link #kill} or {@link #stop}) and waits until it is ready. */
    public void startService(String name) {
        startService(Component.of(name));
    }

    public void startService(Component component) {
        openDataDir();
        commands.requireJar(component);
        ChildProcess child = launch(component);
        Readiness.awaitAll(Map.of(child, probeFor(component)), settings.readyTimeout, () -> closed, console);
    }

    /** SIGTERM, then SIGKILL if it has not stopped within the stop timeout. A no-op when it is not running. */
    public void stop(String name) {
        stop(Component.of(name));
    }

    public void stop(Component component) {
        ChildProcess child = running.remove(component);
        if (child != null) {
            console.info("stopping " + component.id());
            child.stop(settings.stopTimeout);
            dataDir.removePid(component);
        }
    }

    /** SIGKILL: the component dies at once, without its shutdown hooks, as in a crash. */
    public void kill(String name) {
        kill(Component.of(name));
    }

    public void kill(Component component) {
        ChildProcess child = running.remove(component);
        if (child != null) {
            console.info("killing " + component.id() + " (SIGKILL)");
            child.kill();
            dataDir.removePid(component);
        }
    }

    public boolean isRunning(String name) {
        ChildProcess child = running.get(Component.of(name));
        return child != null && child.isAlive();
    }

    /** The names of the components running now, in start order. */
    public List<String> running() {
        return Arrays.stream(Component.values()).filter(c -> isRunning(c.id())).map(Component::id).toList();
    }

    /** Stops everything in reverse start order (a stage's members in parallel) and releases the data directory. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true; // from here on, launch() refuses, and a start() in progress gives up
        }
        List<Component.Stage> stages = new ArrayList<>(Arrays.asList(Component.Stage.values()));
        Collections.reverse(stages);
        for (Component.Stage stage : stages) {
            List<Thread> stopping = new ArrayList<>();
            for (Component component : Component.inStage(stage)) {
                if (running.containsKey(component)) {
                    stopping.add(Thread.ofPlatform().name("devstack-stop-" + component.id()).start(() -> stop(component)));
                }
            }
            for (Thread thread : stopping) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        dataDir.close();
        console.info("stopped");
    }

    public boolean isClosed() {
        return closed;
    }

    public int port(String name) {
        return port(Component.of(name));
    }

    public int port(Component component) {
        return settings.ports.get(component);
    }

    public int kafkaControllerPort() {
        return settings.kafkaControllerPort;
    }

    /** For clients: {@code localhost:<kafka port>}. */
    public String kafkaBootstrap() {
        return "localhost:" + port(Component.KAFKA);
    }

    public String mongoUri(String database) {
        return "mongodb://localhost:" + port(Component.MONGO) + "/" + database;
    }

    /** {@code http://localhost:<port>} of a service or the gateway. */
    public URI url(String name) {
        return URI.create("http://localhost:" + port(name));
    }

    public URI gatewayUrl() {
        return url(Component.GATEWAY.id());
    }

    /** The identity provider's issuer ({@code http://localhost:<identity port>}), which every service trusts. */
    public URI identityUrl() {
        return URI.create(commands.issuer());
    }

    /**
     * A demo account's tokens from the identity provider (password grant, client chibo-cli, the demo password),
     * fetched on first use and again before they expire: e.g. {@code tokens("admin")}, {@code tokens("HP79491545")}.
     * The accounts are in infra/identity's application.yml and the root README.
     */
    public PasswordGrantTokens tokens(String username) {
        return Credentials.demo(Credentials.tokenUrlOf(identityUrl())).of(username);
    }

    public Path dataDir() {
        return dataDir.root();
    }

    public Path logsDir() {
        return dataDir.logsDir();
    }

    private void openDataDir() {
        synchronized (lifecycle) {
            requireOpen();
            if (opened) {
                return;
            }
            dataDir.open();
            opened = true;
        }
        // children left behind by a supervisor that was killed hold ports and files: stop them before anything else
        for (Component component : Component.values()) {
            commands.commandLineMarker(component)
                    .ifPresent(marker -> dataDir.stopLeftover(component, marker, console));
        }
        if (settings.wipe) {
            console.info("wiping " + dataDir.root());
            dataDir.wipe();
        }
    }

    private ChildProcess launch(Component component) {
        synchronized (lifecycle) {
            requireOpen();
            ChildProcess previous = running.get(component);
            if (previous != null && previous.isAlive()) {
                throw new IllegalStateException(component.id() + " is already running (pid " + previous.pid() + ")");
            }
            commands.portsOf(component).forEach(port -> requireFree(component, port));
            try {
                ChildProcess child = ChildProcess.launch(component.id(), commands.command(component),
                        commands.environment(component), dataDir.logFile(component), console);
                running.put(component, child);
                dataDir.writePid(component, child.pid());
                console.info("started " + component.id() + " (pid " + child.pid() + ", port " + port(component) + ")");
                return child;
            } catch (IOException e) {
                throw new StackException("cannot start " + component.id() + ": " + e, e);
            }
        }
    }

    private Readiness.Probe probeFor(Component component) {
        return switch (component) {
            case KAFKA -> Readiness.kafka(port(component));
            case MONGO -> Readiness.port(port(component));
            default -> Readiness.health(port(component));
        };
    }

    /** A clear message now beats a child failing to bind, buried in its log, after a minute of startup. */
    private static void requireFree(Component component, int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            // bound on all interfaces, as the services bind: free
        } catch (BindException inUse) {
            throw new StackException("port " + port + " needed by " + component.id() + " is already in use by another "
                    + "process (a devstack on another data directory? a local Kafka or MongoDB?); choose another port");
        } catch (IOException e) {
            throw new StackException("cannot check port " + port + " for " + component.id() + ": " + e, e);
        }
    }

    private void runFirstStartHooks() {
        for (FirstStartHook hook : settings.firstStartHooks) {
            try {
                hook.onFirstStart(this);
            } catch (Exception e) {
                throw new StackException("first-start hook " + hook + " failed: " + e, e);
            }
        }
        dataDir.markInitialised();
    }

    private void requireOpen() {
        if (closed) {
            throw new StackException("the stack is closed");
        }
    }

    /** Everything a Stack is configured with, fixed at {@link Builder#build()}. */
    private record Settings(Path dataDir, boolean wipe, Map<Component, Integer> ports, int kafkaControllerPort,
                            Map<Component, Path> jars, Set<Component> selected, Duration readyTimeout,
                            Duration stopTimeout, String infraClasspath, List<String> bootAppJvmOptions,
                            Console console, List<FirstStartHook> firstStartHooks) {
    }

    /** Defaults: the repository found above the working directory, its data/ folder, the team's fixed ports. */
    public static final class Builder {

        private Path repoRoot;
        private Path dataDir;
        private boolean wipe;
        private final Map<Component, Integer> ports = new EnumMap<>(Component.class);
        private Integer kafkaControllerPort;
        private final Map<Component, Path> jars = new EnumMap<>(Component.class);
        private final Set<Component> selected = EnumSet.allOf(Component.class);
        private Duration readyTimeout = Duration.ofSeconds(180);
        private Duration stopTimeout = Duration.ofSeconds(30);
        private String infraClasspath;
        private final List<String> bootAppJvmOptions = new ArrayList<>();
        private Console console;
        private final List<FirstStartHook> firstStartHooks = new ArrayList<>();

        private Builder() {
        }

        /** Where the service jars are found (default: the first folder above the working directory holding infra/devstack). */
        public Builder repoRoot(Path repoRoot) {
            this.repoRoot = repoRoot;
            return this;
        }

        /** Default: {@code <repoRoot>/data}. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Delete the data directory's contents before starting. */
        public Builder wipe(boolean wipe) {
            this.wipe = wipe;
            return this;
        }

        public Builder port(String name, int port) {
            return port(Component.of(name), port);
        }

        public Builder port(Component component, int port) {
            ports.put(component, port);
            return this;
        }

        public Builder kafkaControllerPort(int port) {
            this.kafkaControllerPort = port;
            return this;
        }

        /**
         * Picks a free port for every component (and the Kafka controller) now, so a test stack never clashes with a
         * running devstack, and a second {@code build()} from this builder uses the same ports.
         */
        public Builder randomPorts() {
            for (Component component : Component.values()) {
                ports.put(component, freePort());
            }
            kafkaControllerPort = freePort();
            return this;
        }

        public Builder jar(String name, Path jar) {
            jars.put(Component.of(name), jar);
            return this;
        }

        /** Start only these components (e.g. "kafka", "mongo" for infrastructure alone). */
        public Builder only(String... names) {
            selected.clear();
            Arrays.stream(names).map(Component::of).forEach(selected::add);
            return this;
        }

        /** Start all but these, e.g. a service you run from your IDE against the devstack's Kafka and Mongo. */
        public Builder without(String... names) {
            Arrays.stream(names).map(Component::of).forEach(selected::remove);
            return this;
        }

        /** How long each stage may take to become ready (default 180 s). */
        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        /** How long a component may take to stop after SIGTERM before it is killed (default 30 s). */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = timeout;
            return this;
        }

        /** Classpath of the Kafka and Mongo JVMs (default: target/lib/* and this module's classes). */
        public Builder infraClasspath(String classpath) {
            this.infraClasspath = classpath;
            return this;
        }

        /** Extra JVM options for the services and the gateway, e.g. a debug agent, or faster start for tests. */
        public Builder bootAppJvmOptions(String... options) {
            bootAppJvmOptions.addAll(Arrays.asList(options));
            return this;
        }

        /** Where the prefixed child output goes (default: standard out, coloured if it is a terminal). */
        public Builder output(PrintStream out) {
            this.console = new Console(out, false);
            return this;
        }

        Builder console(Console console) {
            this.console = console;
            return this;
        }

        /** Runs once per data directory, after the first start on it has made everything ready. */
        public Builder onFirstStart(FirstStartHook hook) {
            firstStartHooks.add(hook);
            return this;
        }

        public Stack build() {
            Map<Component, Integer> resolvedPorts = new EnumMap<>(Component.class);
            Map<Component, Path> resolvedJars = new EnumMap<>(Component.class);
            for (Component component : Component.values()) {
                resolvedPorts.put(component, ports.getOrDefault(component, component.defaultPort()));
                Path jar = jars.get(component);
                if (jar == null && component.isBootApp() && findRepoRoot() != null) {
                    jar = component.defaultJar(findRepoRoot());
                }
                if (jar != null) {
                    resolvedJars.put(component, jar);
                }
            }
            Path data = dataDir != null ? dataDir : repoRoot().resolve("data");
            return new Stack(new Settings(data.toAbsolutePath().normalize(), wipe, resolvedPorts,
                    kafkaControllerPort != null ? kafkaControllerPort : Component.DEFAULT_KAFKA_CONTROLLER_PORT,
                    resolvedJars, EnumSet.copyOf(selected), readyTimeout, stopTimeout,
                    infraClasspath != null ? infraClasspath : ChildCommands.defaultInfraClasspath(),
                    List.copyOf(bootAppJvmOptions), console != null ? console : Console.forStandardOut(), List.copyOf(firstStartHooks)));
        }

        private Path repoRoot() {
            Path root = findRepoRoot();
            if (root == null) {
                throw new StackException("cannot find the ChiBo repository (a folder holding infra/devstack/pom.xml)"
                        + " above " + Path.of("").toAbsolutePath() + "; set repoRoot(...) or dataDir(...)");
            }
            return root;
        }

        private Path findRepoRoot() {
            for (Path dir = Path.of("").toAbsolutePath(); repoRoot == null && dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("infra/devstack/pom.xml"))) {
                    repoRoot = dir;
                }
            }
            return repoRoot;
        }
    }

    /** A port nobody listens on right now (the OS picks it). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StackException("cannot find a free port: " + e, e);
        }
    }
}
