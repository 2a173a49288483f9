package org.chibo.devstack;

import org.chibo.citysim.CitySim;

/**
 * The first start's demo data: the Hải Phòng-scale city from {@code infra/citysim} (seed 42), loaded through the
 * gateway's import API like any city's own records, as the demo city admin. Idempotent: if it fails half way, the next start loads it again
 * and what is already there is reported unchanged.
 */
final class DemoCity {

    static final long SEED = 42;
    static final String ADMIN = "admin";

    private DemoCity() {
    }

    static void load(Stack stack) throws Exception {
        // imports are an administrative call: the city admin of the identity provider's demo accounts
        CitySim.Result result = CitySim.generateAndLoad(stack.gatewayUrl(), stack.tokens(ADMIN), SEED, System.out);
        if (!result.allMatch()) {
            throw new IllegalStateException("the demo city's counts through the API do not match city-profile.json; see above");
        }
    }
}
