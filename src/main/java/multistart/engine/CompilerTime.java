package multistart.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the JVM's JIT compiler threads, for the log: on a machine with few cores they
 * compete with the workers through a short sweep's run phase (C2 compiling the lane code, then
 * everything else that became hot). Read from Linux's {@code /proc/self/task}; unknown
 * elsewhere. Not for the hot path: it reads a file per thread.
 */
final class CompilerTime {
    /** Clock ticks per second in /proc's times (USER_HZ, 100 on every Linux port in use). */
    private static final double TICKS = 100.0;

    private CompilerTime() {
    }

    /** CPU seconds the compiler threads have used so far, or NaN where that is not known. */
    static double seconds() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return Double.NaN;
        }
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path t : threads) {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"));
                } catch (IOException e) {
                    // the thread has ended since the listing
                    continue;
                }
                ticks += compilerTicks(stat);
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return ticks / TICKS;
    }

    /**
     * utime + stime of a {@code /proc/.../stat} line when its thread is a JIT compiler's
     * ("C1 CompilerThre", "C2 CompilerThre": names are cut at 15 characters), else 0. The name
     * sits in parentheses and may hold spaces, so the fields are counted from the last ')'.
     */
    static long compilerTicks(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open || !stat.substring(open + 1, close).contains("CompilerThre")) {
            return 0;
        }
        // after ") ": state, ppid, pgrp, session, tty_nr, tpgid, flags, minflt, cminflt, majflt,
        // cmajflt, utime, stime
        String[] f = stat.substring(close + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
