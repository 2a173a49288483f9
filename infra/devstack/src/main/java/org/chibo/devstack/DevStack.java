package org.chibo.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code infra/devstack/up}: starts the whole system on this machine and keeps it running until Ctrl-C, which stops
 * everything cleanly in reverse order.
 */
public final class DevStack {

    static final String USAGE = """
            usage: infra/devstack/up [options]
              --wipe                 delete the data directory's contents first (a fresh system)
              --data-dir DIR         where Kafka, Mongo and the logs keep their files (default: <repo>/data)
              --port NAME=PORT       move a component, e.g. --port gateway=9080 (names: kafka, kafka-controller,
                                     mongo, identity, membership, meeting, inspection, evaluation, gateway); repeatable;
                                     moving identity moves the issuer every service and the gateway trust
              --without NAME[,NAME]  do not start these, e.g. a service you run from your IDE
              --ready-timeout SEC    how long each stage may take to become ready (default 180)
              --no-demo-city         on a first start, do not load the demo city (by default the Hải Phòng-scale city,
                                     seed 42, is loaded through the import API: about a minute)
              --help                 this text""";

    private DevStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(USAGE);
            return;
        }

        Console console = Console.forStandardOut();
        Stack stack;
        try {
            stack = options.applyTo(Stack.builder()).console(console).build();
        } catch (StackException | IllegalArgumentException e) {
            console.info("cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "devstack-shutdown"));
        try {
            stack.start();
        } catch (StackException | IllegalStateException e) {
            if (!stack.isClosed()) { // closed means Ctrl-C during start: not a failure to report
                console.info("FAILED: " + e.getMessage());
                System.exit(1); // the shutdown hook stops whatever did start
            }
            return;
        }
        console.info("data: " + stack.dataDir() + "   logs: " + stack.logsDir());
        console.info("tokens: " + stack.identityUrl() + "/oauth2/token (password grant, client chibo-cli; demo accounts"
                + " admin, secretary.haly, inspector.hongbang, any member's card number …, password chibo-demo: see the"
                + " README, \"Demo accounts and tokens\")");
        console.info(stack.isRunning("gateway")
                ? "ChiBo is ready at " + stack.gatewayUrl() + "   (Ctrl-C stops everything)"
                : "ready: " + String.join(", ", stack.running()) + "   (Ctrl-C stops everything)");
        new CountDownLatch(1).await(); // until Ctrl-C or SIGTERM; the shutdown hook does the rest
    }

    /** The parsed command line. */
    record Options(boolean help, boolean wipe, Path dataDir, Map<String, Integer> ports, List<String> without,
                   Duration readyTimeout, boolean demoCity) {

        static Options parse(String... args) {
            boolean help = false;
            boolean wipe = false;
            Path dataDir = null;
            Map<String, Integer> ports = new LinkedHashMap<>();
            List<String> without = new ArrayList<>();
            Duration readyTimeout = null;
            boolean demoCity = true;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> help = true;
                    case "--wipe" -> wipe = true;
                    case "--demo-city" -> demoCity = true;
                    case "--no-demo-city" -> demoCity = false;
                    case "--data-dir" -> dataDir = Path.of(valueOf(args, ++i, arg));
                    case "--port" -> {
                        String[] nameAndPort = valueOf(args, ++i, arg).split("=", 2);
                        if (nameAndPort.length != 2) {
                            throw new IllegalArgumentException("--port wants NAME=PORT, e.g. --port gateway=9080");
                        }
                        String name = nameAndPort[0].trim();
                        if (!name.equals("kafka-controller")) {
                            Component.of(name); // fails on an unknown name
                        }
                        ports.put(name, number(nameAndPort[1], arg));
                    }
                    case "--without" -> {
                        for (String name : valueOf(args, ++i, arg).split(",")) {
                            without.add(Component.of(name).id());
                        }
                    }
                    case "--ready-timeout" -> readyTimeout = Duration.ofSeconds(number(valueOf(args, ++i, arg), arg));
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            return new Options(help, wipe, dataDir, ports, without, readyTimeout, demoCity);
        }

        Stack.Builder applyTo(Stack.Builder builder) {
            builder.wipe(wipe).without(without.toArray(String[]::new));
            if (dataDir != null) {
                builder.dataDir(dataDir);
            }
            ports.forEach((name, port) -> {
                if (name.equals("kafka-controller")) {
                    builder.kafkaControllerPort(port);
                } else {
                    builder.port(name, port);
                }
            });
            if (readyTimeout != null) {
                builder.readyTimeout(readyTimeout);
            }
            if (demoCity && !without.contains(Component.of("gateway").id()) && !without.contains(Component.of("membership").id())) {
                builder.onFirstStart(DemoCity::load);
            }
            return builder;
        }

        private static String valueOf(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static int number(String text, String option) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": not a number: " + text);
            }
        }
    }
}
