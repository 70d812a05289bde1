package multistart.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where and when a sweep ran, as the reports record it beside its timing: a figure of steps per
 * second means little without the machine and the JVM behind it, and a folder read a month later
 * should say when it was made.
 *
 * @param java    the runtime's version ({@code 17.0.15+6-Debian-1deb12u1})
 * @param vendor  the JVM's vendor
 * @param os      name, version and architecture
 * @param cores   processors the JVM sees
 * @param started when the process started (null where the system does not say), to the millisecond
 */
public record Environment(String java, String vendor, String os, int cores, Instant started) {

    /** This process's. */
    public static Environment here() {
        String os = System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "?") + " "
                + System.getProperty("os.arch", "?");
        Instant started = ProcessHandle.current().info().startInstant().map(t -> t.truncatedTo(ChronoUnit.MILLIS))
                .orElse(null);
        return new Environment(System.getProperty("java.runtime.version", System.getProperty("java.version", "?")),
                System.getProperty("java.vm.vendor", "?"), os, Runtime.getRuntime().availableProcessors(), started);
    }

    /** "2 cores, Java 17.0.15+6-Debian-1deb12u1 (Debian), Linux 6.1.0 amd64", for the timing lines. */
    public String describe() {
        return Numbers.count(cores, "core", "cores") + ", Java " + java + " (" + vendor + "), " + os;
    }
}
