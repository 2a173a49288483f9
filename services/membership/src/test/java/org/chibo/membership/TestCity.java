package org.chibo.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.chibo.chassis.security.Role;
import org.chibo.chassis.testing.Http;
import org.chibo.chassis.testing.TestTokens;

/**
 * A city of a test's own: its root unit, registered by the city admin whose token is bound to it (a root takes the id
 * of the organisation the admin's token names), and that admin's client. Tests work inside it, so they never see one
 * another's data, and tokens for other roles and places are bound to its units.
 */
public final class TestCity {

    private final String base;
    private final String id;
    private final Http admin;
    private String district;

    private TestCity(String base, String id, Http admin) {
        this.base = base;
        this.id = id;
        this.admin = admin;
    }

    /** Registers a new city root, "Thành ủy …", through the API. */
    public static TestCity create(String base) {
        String id = "city-" + UUID.randomUUID();
        Http admin = new Http(base, TestTokens.issue("admin@" + id, id, Role.CITY_ADMIN));
        Http.Response r = admin.post("/api/v1/organisations", "{\"name\":\"Thành ủy thử nghiệm\",\"kind\":\"CITY_COMMITTEE\"}");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        assertThat(r.text("id")).isEqualTo(id);
        return new TestCity(base, id, admin);
    }

    public String id() {
        return id;
    }

    /** The city admin's client. */
    public Http admin() {
        return admin;
    }

    /** A district committee of the city, registered on first use. */
    public String district() {
        if (district == null) {
            district = unit("{\"name\":\"Quận ủy thử nghiệm\",\"kind\":\"DIRECT_COMMITTEE\",\"parentId\":\"" + id + "\"}");
        }
        return district;
    }

    /** Registers a unit as the city admin and returns its id. */
    public String unit(String json) {
        Http.Response r = admin.post("/api/v1/organisations", json);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.text("id");
    }

    /** A client acting as {@code subject} with {@code roles} bound to {@code organisationId}. */
    public Http as(String subject, String organisationId, Role... roles) {
        return new Http(base, TestTokens.issue(subject, organisationId, roles));
    }

    /** A client acting as the member {@code memberId}, bound to their branch. */
    public Http asMember(String memberId, String branchId) {
        return new Http(base, TestTokens.as("member@" + memberId).in(branchId).roles(Role.MEMBER).member(memberId).sign());
    }
}
