package org.chibo.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM: its merged stdout/stderr goes, line by line, to the console (prefixed) and to its log file; the
 * last lines are kept to explain a failure.
 */
final class ChildProcess {

    private static final int TAIL_LINES = 40;
    /** Logs append across restarts; one generation is kept so a long-running devstack doesn't fill the disk. */
    private static final long ROTATE_AT_BYTES = 20L * 1024 * 1024;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Console console;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Thread pump;
    private volatile boolean stopRequested;

    private ChildProcess(String name, Process process, Path logFile, Console console) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.console = console;
        this.pump = Thread.ofPlatform().daemon().name("devstack-" + name + "-output").start(this::pumpOutput);
    }

    static ChildProcess launch(String name, List<String> command, Map<String, String> environment, Path logFile,
                               Console console) throws IOException {
        rotate(logFile);
        ProcessBuilder builder = new ProcessBuilder(withInterruptIgnored(command)).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Files.writeString(logFile, "===== " + Instant.now() + " starting " + name + ": " + String.join(" ", command)
                + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new ChildProcess(name, builder.start(), logFile, console);
    }

    /**
     * Ctrl-C in a terminal sends SIGINT to the whole foreground process group, children included, which would stop
     * everything at once: services would lose Kafka while still committing offsets. A signal ignored before exec
     * stays ignored, and the JVM then leaves SIGINT alone, so the children stop only when the supervisor sends them
     * SIGTERM, in reverse start order. Without a POSIX shell (Windows) we start the command as it is.
     */
    private static List<String> withInterruptIgnored(List<String> command) {
        Path shell = Path.of("/bin/sh");
        if (!Files.isExecutable(shell)) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(shell.toString(), "-c", "trap '' INT; exec \"$0\" \"$@\""));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void rotate(Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        if (Files.exists(logFile) && Files.size(logFile) > ROTATE_AT_BYTES) {
            Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void pumpOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                     StandardOpenOption.APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                remember(line);
                console.line(name, line);
                log.write(line);
                log.write(System.lineSeparator());
                if (!in.ready()) {
                    log.flush(); // flush when the child pauses, not per line: a busy child writes thousands
                }
            }
        } catch (IOException e) {
            console.line(name, "(output lost: " + e + ")");
        }
        reportUnexpectedExit();
    }

    private void reportUnexpectedExit() {
        try {
            int code = process.waitFor();
            if (!stopRequested) {
                console.info(name + " exited unexpectedly with code " + code + "; its log: " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void remember(String line) {
        if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
    }

    synchronized List<String> lastLines() {
        return List.copyOf(tail);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, once the process has ended. */
    int exitValue() {
        return process.exitValue();
    }

    /*
     * Signals go through the ProcessHandle: Process.destroy() also closes our end of the child's output, and we want
     * to see what a child says while it shuts down.
     */

    /** SIGTERM (the child's shutdown hooks run), then SIGKILL if it has not ended within {@code grace}. */
    void stop(Duration grace) {
        stopRequested = true;
        process.toHandle().destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                console.info(name + " did not stop within " + grace.toSeconds() + " s; killing it");
                process.toHandle().destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            process.toHandle().destroyForcibly();
            Thread.currentThread().interrupt();
        }
        drainOutput();
    }

    /** SIGKILL: no shutdown hooks, exactly like a crash. */
    void kill() {
        stopRequested = true;
        process.toHandle().destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drainOutput();
    }

    /** Let the last lines (often the reason for an exit) reach the console and the log before we go on. */
    void drainOutput() {
        try {
            pump.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
