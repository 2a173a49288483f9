package org.chibo.meeting.roster;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An organisation unit as this service knows it from {@code membership.events}. */
@Document(KnownBranch.COLLECTION)
public record KnownBranch(@Id String id, String kind, String name, String path) {

    public static final String COLLECTION = "branches";

    public boolean holdsMeetings() {
        return "BRANCH".equals(kind) || "GRASSROOTS_BRANCH".equals(kind);
    }
}
