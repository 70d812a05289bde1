package multistart.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompilerTimeTest {

    /** utime (14th field) + stime (15th) of a compiler thread's stat line; other threads count 0. */
    @Test
    void readsTheCompilerThreadsTimesFromTheirStatLines() {
        String rest = " S 1 1 1 0 -1 4194368 12 0 0 0 37 5 0 0 20 0 40 0 123 0 0";
        assertThat(CompilerTime.compilerTicks("4242 (C2 CompilerThre)" + rest)).isEqualTo(42);
        assertThat(CompilerTime.compilerTicks("4243 (C1 CompilerThre)" + rest)).isEqualTo(42);
        // names may hold spaces and parentheses: the fields start after the last ')'
        assertThat(CompilerTime.compilerTicks("4244 (a (CompilerThre) x)" + rest)).isEqualTo(42);
        assertThat(CompilerTime.compilerTicks("4245 (ForkJoinPool-1-)" + rest)).isZero();
        assertThat(CompilerTime.compilerTicks("garbage")).isZero();
    }

    /** Where /proc exists (Linux) the figure is a number of seconds, and it never goes down. */
    @Test
    void isNaNOrAGrowingNumberOfSeconds() {
        double first = CompilerTime.seconds();
        double second = CompilerTime.seconds();
        if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task"))) {
            assertThat(first).isGreaterThanOrEqualTo(0);
            assertThat(second).isGreaterThanOrEqualTo(first);
        } else {
            assertThat(first).isNaN();
        }
    }
}
