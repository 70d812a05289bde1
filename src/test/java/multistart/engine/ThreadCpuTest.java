package multistart.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    /** utime (14th field) + stime (15th) of the stat line of a thread whose name matches. */
    @Test
    void readsATheThreadsTimesFromItsStatLine() {
        String rest = " S 1 1 1 0 -1 4194368 12 0 0 0 37 5 0 0 20 0 40 0 123 0 0";
        assertThat(ThreadCpu.ticks("4242 (C2 CompilerThre)" + rest, ThreadCpu.COMPILERS)).isEqualTo(42);
        assertThat(ThreadCpu.ticks("4243 (C1 CompilerThre)" + rest, ThreadCpu.COMPILERS)).isEqualTo(42);
        assertThat(ThreadCpu.ticks("4244 (multistart-work)" + rest, "multistart-work")).isEqualTo(42);
        assertThat(ThreadCpu.ticks("4244 (java)" + rest, "")).isEqualTo(42);
        // names may hold spaces and parentheses: the fields start after the last ')'
        assertThat(ThreadCpu.ticks("4245 (a (CompilerThre) x)" + rest, ThreadCpu.COMPILERS)).isEqualTo(42);
        assertThat(ThreadCpu.ticks("4246 (ForkJoinPool-1-)" + rest, ThreadCpu.COMPILERS)).isZero();
        assertThat(ThreadCpu.ticks("garbage", "")).isZero();
    }

    /** Where /proc exists (Linux) the figures are seconds that never go down; elsewhere NaN. */
    @Test
    void isNaNOrAGrowingNumberOfSeconds() {
        boolean linux = Files.isDirectory(Path.of("/proc/self/task"));
        double compilers = ThreadCpu.seconds(ThreadCpu.COMPILERS);
        double self = ThreadCpu.ofThisThread();
        // some work of this thread's own
        double sum = 0;
        for (int i = 0; i < 20_000_000; i++) {
            sum += Math.sqrt(i);
        }
        assertThat(sum).isPositive();
        if (linux) {
            assertThat(compilers).isGreaterThanOrEqualTo(0);
            assertThat(ThreadCpu.seconds(ThreadCpu.COMPILERS)).isGreaterThanOrEqualTo(compilers);
            assertThat(ThreadCpu.ofThisThread()).isGreaterThanOrEqualTo(self);
            assertThat(ThreadCpu.seconds("")).isGreaterThanOrEqualTo(ThreadCpu.ofThisThread());
        } else {
            assertThat(compilers).isNaN();
            assertThat(self).isNaN();
        }
    }
}
