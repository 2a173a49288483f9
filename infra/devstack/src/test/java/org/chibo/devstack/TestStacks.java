package org.chibo.devstack;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The whole platform as the end-to-end tests start it: random ports (a devstack running on the same machine is not
 * disturbed), a data directory of the test's own, output to standard out.
 */
final class TestStacks {

    private TestStacks() {
    }

    static Stack.Builder builder(Path dataDir) {
        return Stack.builder()
                .dataDir(dataDir)
                .randomPorts()
                .readyTimeout(Duration.ofSeconds(180))
                // C1 only: services start in half the time on 2 cores; these tests start some of them twice
                .bootAppJvmOptions("-XX:TieredStopAtLevel=1")
                .output(System.out);
    }
}
