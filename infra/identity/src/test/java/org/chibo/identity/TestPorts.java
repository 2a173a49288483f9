package org.chibo.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The issuer names its own port, so a test picks the port first (as the devstack does) rather than letting the
 * server choose one it would only learn after the issuer was fixed.
 */
final class TestPorts {

    private TestPorts() {
    }

    static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void identityOn(DynamicPropertyRegistry registry, int port, Path keyDir) {
        registry.add("server.port", () -> port);
        registry.add("chibo.identity.issuer", () -> "http://localhost:" + port);
        registry.add("chibo.identity.key-file", () -> keyDir.resolve("signing-key.json").toString());
    }
}
