package org.chibo.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DevStackOptionsTest {

    @Test
    void readsEveryOption() {
        DevStack.Options options = DevStack.Options.parse("--wipe", "--data-dir", "/tmp/chibo", "--port", "gateway=9080",
                "--port", "kafka-controller=19093", "--without", "meeting,Inspection", "--ready-timeout", "60");

        assertThat(options.wipe()).isTrue();
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/chibo"));
        assertThat(options.ports()).containsEntry("gateway", 9080).containsEntry("kafka-controller", 19093);
        assertThat(options.without()).containsExactly("meeting", "inspection");
        assertThat(options.readyTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void defaultsToNothingSpecial() {
        DevStack.Options options = DevStack.Options.parse();

        assertThat(options.wipe()).isFalse();
        assertThat(options.dataDir()).isNull();
        assertThat(options.ports()).isEmpty();
        assertThat(options.without()).isEmpty();
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> DevStack.Options.parse("--port", "gatewy=9080")).hasMessageContaining("unknown component");
        assertThatThrownBy(() -> DevStack.Options.parse("--port", "9080")).hasMessageContaining("NAME=PORT");
        assertThatThrownBy(() -> DevStack.Options.parse("--data-dir")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> DevStack.Options.parse("--wip")).hasMessageContaining("unknown option");
    }
}
