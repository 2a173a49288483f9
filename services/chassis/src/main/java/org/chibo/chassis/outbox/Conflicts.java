package org.chibo.chassis.outbox;

import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Load-change-save of an aggregate, again on fresh state when someone else wrote it meanwhile (often the outbox
 * relay removing what it just published). After the last attempt the conflict goes to the caller: a 409.
 */
public final class Conflicts {

    private static final int ATTEMPTS = 5;

    private Conflicts() {
    }

    public static <T> T retry(Supplier<T> loadChangeSave) {
        for (int attempt = 1; ; attempt++) {
            try {
                return loadChangeSave.get();
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }
}
