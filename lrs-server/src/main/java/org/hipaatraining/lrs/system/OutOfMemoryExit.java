package org.hipaatraining.lrs.system;

import java.lang.management.ManagementFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After an OutOfMemoryError a JVM often lives on with threads missing (Tomcat's poller, a scheduler) and answers
 * nothing: worse than exiting, because nobody restarts it. The documented start passes
 * {@code -XX:+ExitOnOutOfMemoryError}; without it this says so, and a thread that dies of an OutOfMemoryError still
 * ends the process, so that a supervisor (systemd, a container runtime) starts a healthy one.
 */
@Component
class OutOfMemoryExit {

    private static final Logger log = LoggerFactory.getLogger(OutOfMemoryExit.class);

    @EventListener(ApplicationStartedEvent.class)
    void watch() {
        boolean flagged = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.equals("-XX:+ExitOnOutOfMemoryError") || a.equals("-XX:+CrashOnOutOfMemoryError"));
        if (!flagged) {
            log.warn("Start the LRS with java -XX:+ExitOnOutOfMemoryError -jar ... so that it exits (and is restarted) "
                    + "instead of lingering half-dead after running out of memory (docs/running.md)");
        }
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (error instanceof OutOfMemoryError) {
                System.err.println("Thread " + thread.getName() + " died of " + error + ": the LRS exits");
                Runtime.getRuntime().halt(3);
            }
            if (previous != null) {
                previous.uncaughtException(thread, error);
            } else {
                error.printStackTrace();
            }
        });
    }
}
