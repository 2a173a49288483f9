package org.chibo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;

/** Every service has its route, pointed where the configuration says. */
@SpringBootTest(properties = {"CHIBO_MEETING_URL=http://meeting.test:9999"})
class RoutesTest {

    @Autowired
    RouteLocator routes;

    @Test
    void eachServiceIsRouted() {
        List<Route> all = routes.getRoutes().collectList().block();

        assertThat(all).extracting(Route::getId).containsExactlyInAnyOrder("membership", "membership-bulk", "meeting",
                "inspection", "inspection-feed", "evaluation", "evaluation-close", "membership-api-docs", "meeting-api-docs", "inspection-api-docs",
                "evaluation-api-docs");
        assertThat(all).filteredOn(r -> r.getId().equals("meeting")).singleElement()
                .extracting(r -> r.getUri().toString()).isEqualTo("http://meeting.test:9999");
    }
}
