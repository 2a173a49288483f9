package org.chibo.chassis.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** Asserts the platform's error contract: the status, problem+json, and the field at fault named in errors[]. */
public final class Problems {

    private Problems() {
    }

    /** The status and problem+json, for problems about the request as a whole (401, 403, 404). */
    public static void assertProblem(Http.Response r, int status) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().path("status").asInt()).isEqualTo(status);
    }

    public static void assertProblem(Http.Response r, int status, String field) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().path("errors").findValuesAsString("field")).as(r.body().toString()).contains(field);
    }
}
