package org.chibo.evaluation.membership;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A unit of the organisation tree as membership events tell it: what it is, where it stands, when it was dissolved. */
@Document(Organisation.COLLECTION)
public class Organisation {

    public static final String COLLECTION = "organisations";

    @Id
    private String id;
    private String kind;
    private String name;
    private String path;
    private LocalDate dissolvedOn;

    protected Organisation() {
    }

    Organisation(String id, String kind, String name, String path) {
        this.id = id;
        this.kind = kind;
        this.name = name;
        this.path = path;
    }

    /** Branches (chi bộ) and grassroots branches (chi bộ cơ sở) are rated; they are where meetings are held. */
    public boolean isBranch() {
        return "BRANCH".equals(kind) || "GRASSROOTS_BRANCH".equals(kind);
    }

    /** Rated for {@code year} unless dissolved by its end. */
    public boolean ratedIn(int year) {
        return isBranch() && (dissolvedOn == null || dissolvedOn.getYear() > year);
    }

    boolean dissolved(LocalDate on) {
        if (on.equals(dissolvedOn)) {
            return false;
        }
        dissolvedOn = on;
        return true;
    }

    boolean renamed(String newName) {
        if (newName.equals(name)) {
            return false;
        }
        name = newName;
        return true;
    }

    public String getId() { return id; }
    public String getKind() { return kind; }
    public String getName() { return name; }
    public String getPath() { return path; }
}
