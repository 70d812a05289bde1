package multistart.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of threads of this JVM by name, for the log: how a run phase's CPU divides between
 * the workers, the merge and the JIT compilers (on a machine with few cores the compilers
 * compete with the workers through a short sweep). Read from Linux's {@code /proc}; unknown
 * (NaN) elsewhere. Not for the hot path: it reads a file per thread. The kernel keeps 15
 * characters of a thread's name, so a name asked for is matched by its first 15.
 */
public final class ThreadCpu {
    /** Clock ticks per second in /proc's times (USER_HZ, 100 on every Linux port in use). */
    private static final double TICKS = 100.0;
    /** Characters of a thread's name that the kernel keeps. */
    private static final int NAME_CHARS = 15;
    /** The JIT compiler threads ("C1 CompilerThread0", ...). */
    public static final String COMPILERS = "CompilerThre";

    private ThreadCpu() {
    }

    /**
     * CPU seconds used so far by the threads whose names contain {@code part}, cut to the
     * kernel's 15 characters (threads that have ended no longer count), or NaN where that is
     * not known.
     */
    public static double seconds(String part) {
        String kept = part.length() > NAME_CHARS ? part.substring(0, NAME_CHARS) : part;
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
                ticks += ticks(stat, kept);
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return ticks / TICKS;
    }

    /** CPU seconds the calling thread has used so far, or NaN where that is not known. */
    public static double ofThisThread() {
        try {
            return ticks(Files.readString(Path.of("/proc/thread-self/stat")), "") / TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * utime + stime of a {@code /proc/.../stat} line when its thread's name contains
     * {@code part} ({@code ""}: any), else 0. The name sits in parentheses and may hold spaces
     * and parentheses, so the fields are counted from the last ')'.
     */
    static long ticks(String stat, String part) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open || !stat.substring(open + 1, close).contains(part)) {
            return 0;
        }
        // after ") ": state, ppid, pgrp, session, tty_nr, tpgid, flags, minflt, cminflt, majflt,
        // cmajflt, utime, stime
        String[] f = stat.substring(close + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
