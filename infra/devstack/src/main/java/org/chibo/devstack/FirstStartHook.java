package org.chibo.devstack;

/**
 * Work to do once per data directory, after the first start on it has made every component ready: for example
 * loading the demo city. A directory counts as initialised only after all hooks have returned, so a hook that fails
 * runs again on the next start. Register hooks with {@link Stack.Builder#onFirstStart(FirstStartHook)}.
 */
@FunctionalInterface
public interface FirstStartHook {

    void onFirstStart(Stack stack) throws Exception;
}
