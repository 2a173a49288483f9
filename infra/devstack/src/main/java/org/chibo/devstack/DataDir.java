package org.chibo.devstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The devstack's data directory: Kafka's log dirs, the Mongo store file, child logs and pid files. One supervisor
 * at a time may use it (a file lock), so a second one fails fast instead of corrupting the first one's data.
 *
 * <pre>
 *   kafka/      server.properties (rewritten each start) and log/ (topics, offsets, KRaft metadata)
 *   mongo/      chibo.journal (the journal holding every service database)
 *   logs/       one file per child, appended across restarts
 *   run/        pid files, to find children orphaned by a supervisor that was killed
 * </pre>
 */
final class DataDir implements AutoCloseable {

    private static final String LOCK_FILE = "devstack.lock";
    private static final String INITIALISED_MARKER = "initialised";

    private final Path root;
    private FileChannel lockChannel;
    private FileLock lock;

    DataDir(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path kafkaDir() {
        return root.resolve("kafka");
    }

    Path mongoFile() {
        return root.resolve("mongo").resolve("chibo.journal");
    }

    /** The identity provider's signing key: kept, so tokens and the services' cached key sets survive a restart. */
    Path identitySigningKey() {
        return root.resolve("identity").resolve("signing-key.json");
    }

    Path logsDir() {
        return root.resolve("logs");
    }

    Path logFile(Component component) {
        return logsDir().resolve(component.id() + ".log");
    }

    private Path pidFile(Component component) {
        return root.resolve("run").resolve(component.id() + ".pid");
    }

    /** Locks the directory for this supervisor and creates its layout. */
    void open() {
        try {
            Files.createDirectories(root);
            lockChannel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                lockChannel.close();
                throw new StackException("another devstack is already using " + root
                        + "; stop it first, or choose another data directory");
            }
            createLayout();
        } catch (IOException e) {
            throw new StackException("cannot prepare the data directory " + root + ": " + e, e);
        }
    }

    /** Deletes everything but the lock (which we hold). Stop leftover children first: they may hold these files. */
    void wipe() {
        try {
            try (Stream<Path> entries = Files.list(root)) {
                for (Path entry : entries.filter(p -> !p.getFileName().toString().equals(LOCK_FILE)).toList()) {
                    deleteRecursively(entry);
                }
            }
            createLayout();
        } catch (IOException e) {
            throw new StackException("cannot wipe the data directory " + root + ": " + e, e);
        }
    }

    private void createLayout() throws IOException {
        Files.createDirectories(logsDir());
        Files.createDirectories(root.resolve("run"));
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
                lockChannel.close();
                lock = null;
            }
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }

    /** True once a start has completed on this directory (the first-start hooks have run). */
    boolean isInitialised() {
        return Files.exists(root.resolve(INITIALISED_MARKER));
    }

    void markInitialised() {
        try {
            Files.writeString(root.resolve(INITIALISED_MARKER), java.time.Instant.now() + System.lineSeparator());
        } catch (IOException e) {
            throw new StackException("cannot write " + root.resolve(INITIALISED_MARKER) + ": " + e, e);
        }
    }

    void writePid(Component component, long pid) {
        try {
            Files.writeString(pidFile(component), Long.toString(pid), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException("cannot write " + pidFile(component) + ": " + e, e);
        }
    }

    void removePid(Component component) {
        try {
            Files.deleteIfExists(pidFile(component));
        } catch (IOException ignored) {
            // a stale pid file is checked against the live process's command line before anything is done with it
        }
    }

    /**
     * A child left running by a supervisor that was killed (SIGKILL, a crashed test JVM) still holds its port and, for
     * Kafka and Mongo, its files. We hold the lock, so no live supervisor owns it: stop it. The command-line check
     * guards against a recycled pid belonging to something else.
     */
    void stopLeftover(Component component, String commandLineMarker, Console console) {
        Optional<ProcessHandle> leftover = readPid(component)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(cmd -> cmd.contains(commandLineMarker)).orElse(false));
        leftover.ifPresent(p -> {
            console.info("stopping " + component.id() + " (pid " + p.pid() + ") left running by an earlier devstack");
            p.destroy();
            try {
                p.onExit().get(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception notYet) {
                p.destroyForcibly();
            }
        });
        removePid(component);
    }

    private Optional<Long> readPid(Component component) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile(component)).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
