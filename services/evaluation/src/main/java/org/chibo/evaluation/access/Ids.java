package org.chibo.evaluation.access;

/**
 * What an id in a path or query parameter may look like (UUIDs, the demo city's {@code hp-d01}, {@code BRANCH:…:2025}):
 * anything else, a MongoDB operator such as {@code $gt} or a JSON object, is a 400 naming the parameter, never a query.
 */
public final class Ids {

    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";
    public static final String MESSAGE = "must be an id: letters, digits, '.', '_', ':' or '-', at most 128";

    private Ids() {
    }
}
