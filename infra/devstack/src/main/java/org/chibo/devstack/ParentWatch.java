package org.chibo.devstack;

/**
 * Makes an infrastructure JVM shut down (cleanly, through its shutdown hooks) when the supervisor that started it
 * disappears without stopping it, e.g. after SIGKILL or a crashed test JVM. Otherwise an orphaned broker or store
 * would keep its port and its files locked until someone hunts it down.
 */
final class ParentWatch {

    private ParentWatch() {
    }

    static void exitWhenParentEnds(String what) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.err.println(what + ": the process that started me (pid " + parent.pid() + ") has ended; shutting down");
            System.exit(0);
        }));
    }
}
