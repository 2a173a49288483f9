package org.chibo.devstack;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's file-backed H2 backend, taught the one command the services need that it lacks: {@code hello}
 * on a service's own database, which Spring Boot 4's Mongo health indicator sends (1.47.0 knows only the older
 * {@code isMaster}, so every service would report DOWN). {@code hello} answers what {@code isMaster} answers, under
 * the newer field name.
 */
final class ChiboMongoBackend extends H2Backend {

    ChiboMongoBackend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (command.equalsIgnoreCase("hello")) {
            Document answer = super.handleCommand(channel, databaseName, "isMaster", query);
            answer.put("isWritablePrimary", Boolean.TRUE);
            return answer;
        }
        return super.handleCommand(channel, databaseName, command, query);
    }
}
