package io.jenkins.plugins.nexor.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * The second Ctrl-C or SIGTERM, once the JVM is shutting down after the first: {@code sun.misc.Signal} (module
 * jdk.unsupported, exported on every HotSpot JVM), used by reflection so that the build has no "internal
 * proprietary API" warnings and a JVM without it still runs (the second signal is then ignored, as the JVM itself
 * would).
 */
final class Signals {
    private Signals() {}

    /** Runs {@code action} on each SIGINT or SIGTERM from now on (instead of the JVM's handler). */
    static void onNext(Runnable action) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object proxy = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handler},
                    (self, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            action.run();
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(self);
                        case "equals" -> self == args[0];
                        default -> "nexor second-signal handler";
                    });
            Method handle = signal.getMethod("handle", signal, handler);
            for (String name : List.of("INT", "TERM")) {
                try {
                    handle.invoke(null, signal.getConstructor(String.class).newInstance(name), proxy);
                } catch (ReflectiveOperationException | IllegalArgumentException notThisOne) {
                    // e.g. the signal is ignored (nohup), or reserved by the JVM (-Xrs): keep going
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
            // no sun.misc.Signal: the grace period still bounds the wait
        }
    }
}
