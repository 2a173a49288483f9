package org.chibo.devstack;

import java.io.PrintStream;
import java.lang.reflect.Method;

/**
 * The one place lines reach the terminal: every line gets a fixed-width {@code [name] } prefix, coloured when
 * the output is a terminal, and whole lines are written under one lock so seven JVMs never interleave mid-line.
 */
final class Console {

    static final String SUPERVISOR = "devstack";

    private static final String RESET = "\u001b[0m";
    private static final String[] COLOURS = {
            "\u001b[36m", "\u001b[32m", "\u001b[33m", "\u001b[35m", "\u001b[34m", "\u001b[96m", "\u001b[92m", "\u001b[93m"};
    private static final int WIDTH = widestName();

    private final PrintStream out;
    private final boolean colour;

    Console(PrintStream out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    /** Colour only for an interactive terminal, and never when the user asked for none (no-color.org). */
    static Console forStandardOut() {
        return new Console(System.out, System.getenv("NO_COLOR") == null && stdoutIsTerminal());
    }

    void line(String name, String text) {
        String prefix = prefix(name);
        synchronized (this) {
            out.println(prefix + text);
        }
    }

    void info(String text) {
        line(SUPERVISOR, text);
    }

    String prefix(String name) {
        String padded = String.format("%-" + (WIDTH + 2) + "s ", "[" + name + "]");
        return colour ? colourOf(name) + padded + RESET : padded;
    }

    private static String colourOf(String name) {
        for (Component c : Component.values()) {
            if (c.id().equals(name)) {
                return COLOURS[c.ordinal() % COLOURS.length];
            }
        }
        return "\u001b[1m"; // the supervisor's own lines: bold
    }

    private static int widestName() {
        int widest = SUPERVISOR.length();
        for (Component c : Component.values()) {
            widest = Math.max(widest, c.id().length());
        }
        return widest;
    }

    /**
     * Up to JDK 21 {@code System.console()} is null unless stdin and stdout are a terminal; from JDK 22 it always
     * exists and {@code Console.isTerminal()} (absent from the Java 21 API we compile against) tells the truth.
     */
    private static boolean stdoutIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException java21) {
            return true;
        }
    }
}
