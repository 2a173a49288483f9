package org.chibo.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment contract the services and the gateway are written against. */
class ChildCommandsTest {

    private final Map<Component, Integer> ports = new EnumMap<>(Component.class);
    private final Map<Component, Path> jars = new EnumMap<>(Component.class);
    private final ChildCommands commands;

    ChildCommandsTest() {
        for (Component c : Component.values()) {
            ports.put(c, c.defaultPort() + 10000);
            if (c.isBootApp()) {
                jars.put(c, c.defaultJar(Path.of("/repo")));
            }
        }
        commands = new ChildCommands("java", "cp", new DataDir(Path.of("/data")), ports, 19093, jars, List.of("-Dx=y"));
    }

    @Test
    void aServiceGetsItsPortKafkaAndItsOwnDatabase() {
        assertThat(commands.environment(Component.MEETING)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SERVER_PORT", "18082",
                "CHIBO_KAFKA_BOOTSTRAP", "localhost:19092",
                "CHIBO_MONGODB_URI", "mongodb://localhost:37017/chibo-meeting",
                "CHIBO_SECURITY_ISSUER", "http://localhost:19000",
                "CHIBO_SECURITY_JWK_SET_URI", "http://localhost:19000/oauth2/jwks"));
        assertThat(commands.command(Component.MEETING))
                .contains("-Xmx384m", "-Dx=y", "-jar")
                .last().isEqualTo(Path.of("/repo/services/meeting/target/chibo-meeting.jar").toString());
    }

    @Test
    void theGatewayGetsEveryServiceUrl() {
        assertThat(commands.environment(Component.GATEWAY)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SERVER_PORT", "18080",
                "CHIBO_MEMBERSHIP_URL", "http://localhost:18081",
                "CHIBO_MEETING_URL", "http://localhost:18082",
                "CHIBO_INSPECTION_URL", "http://localhost:18083",
                "CHIBO_EVALUATION_URL", "http://localhost:18084",
                "CHIBO_SECURITY_ISSUER", "http://localhost:19000",
                "CHIBO_SECURITY_JWK_SET_URI", "http://localhost:19000/oauth2/jwks"));
        assertThat(commands.command(Component.GATEWAY).getLast())
                .isEqualTo(Path.of("/repo/gateway/target/chibo-gateway.jar").toString());
    }

    @Test
    void theIdentityProviderIsTheIssuerOnItsPortAndKeepsItsKeyInTheDataDirectory() {
        assertThat(commands.environment(Component.IDENTITY)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SERVER_PORT", "19000",
                "CHIBO_IDENTITY_ISSUER", "http://localhost:19000",
                "CHIBO_IDENTITY_KEY_FILE", Path.of("/data/identity/signing-key.json").toString(),
                "CHIBO_IDENTITY_PASSWORD_GRANT_ENABLED", "true"));
        assertThat(commands.command(Component.IDENTITY).getLast())
                .isEqualTo(Path.of("/repo/infra/identity/target/chibo-identity.jar").toString());
        assertThat(Component.IDENTITY.stage()).isEqualTo(Component.Stage.INFRA);
    }

    @Test
    void kafkaRunsOurNodeWithBothPorts() {
        assertThat(commands.command(Component.KAFKA)).containsSequence(
                "-cp", "cp", KafkaNode.class.getName(), Path.of("/data/kafka").toString(), "19092", "19093");
        assertThat(commands.portsOf(Component.KAFKA)).containsExactly(19092, 19093);
        assertThat(commands.environment(Component.KAFKA)).isEmpty();
    }

    @Test
    void kafkaIsConfiguredAsOneDurableNode() {
        Map<String, String> p = KafkaNode.serverProperties(Path.of("/data/kafka/log"), 9092, 9093);
        assertThat(p).containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@localhost:9093")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("num.partitions", "12")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }
}
