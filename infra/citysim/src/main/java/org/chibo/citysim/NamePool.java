package org.chibo.citysim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Hands out names without repeats inside one parent: the listed names in a seeded order, then numbered names from
 * the overflow template ({@code "Chi bộ Tổ dân phố số %d"}) once the list runs out.
 */
final class NamePool {

    private final Supplier<String> source;

    NamePool(SplittableRandom random, List<String> names, String overflow) {
        List<String> order = new ArrayList<>(names);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            order.set(j, order.set(i, order.get(j)));
        }
        int[] next = {0, 0};
        this.source = () -> next[0] < order.size() ? order.get(next[0]++) : overflow.formatted(++next[1]);
    }

    private NamePool(Supplier<String> source) {
        this.source = source;
    }

    /** Numbered names only, in order: 1, 2, 3 … */
    static NamePool numbered(String template) {
        return new NamePool(new SplittableRandom(0), List.of(), template);
    }

    /** Names drawn from a shared pool, with a prefix: keeps e.g. enterprise names unique across the whole city. */
    static NamePool prefixed(String prefix, NamePool shared) {
        return new NamePool(() -> prefix + shared.next());
    }

    String next() {
        return source.get();
    }
}
