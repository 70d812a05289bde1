package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep whose distinct end points outgrow the heap: a precise message, exit code 1, the
 * finished runs kept, and `--resume` with a larger heap completing the same folder an
 * uninterrupted run writes.
 */
class OutOfMemoryTest {

    @TempDir
    Path tmp;

    /** 400 000 runs of 5 steps on peaks: about 350 000 distinct end points. */
    static final String CONFIG = """
            name: short-runs
            seed: 1
            objective:
              builtin: peaks
            starts:
              count: 20000
              sampler: uniform
            optimizer:
              method: momentum
              learning_rate: [0.001, 0.002, 0.005, 0.01, 0.02]
              decay: [1.0, 0.99]
              momentum: [0.0, 0.9]
              max_iterations: 5
              stop:
                gradient_norm: 0
            output:
              runs: none
              trajectories: 0
              charts: false
            """;

    static Child run(String heap, String... args) throws Exception {
        return Child.run(List.of("-Xmx" + heap), args);
    }

    @Test
    void saysSoKeepsTheFinishedRunsAndResumesWithMoreHeap() throws Exception {
        Path config = tmp.resolve("short-runs.yaml");
        Files.writeString(config, CONFIG);
        Path out = tmp.resolve("out");

        Child small = run("48m", "run", config.toString(), "--out", out.toString(), "--threads", "2", "--quiet");
        assertThat(small.code()).as(small.output()).isEqualTo(Main.FAILURE);
        assertThat(small.output()).contains(config + ": ran out of memory (a Java heap of 48 MiB)")
                .contains("JAVA_TOOL_OPTIONS=-Xmx1g, `run " + config + " --out " + out
                        + " --resume` goes on from there")
                .doesNotContain("Exception in thread \"main\"");
        Path journal = out.resolve(".multistart").resolve("journal.bin");
        assertThat(Files.size(journal)).as("finished runs kept").isGreaterThan(100_000);
        assertThat(out.resolve("result.json")).doesNotExist();

        Child resumed = run("256m", "run", config.toString(), "--out", out.toString(), "--threads", "2", "--quiet",
                "--resume");
        assertThat(resumed.code()).as(resumed.output()).isZero();
        Path reference = tmp.resolve("reference");
        Child whole = run("256m", "run", config.toString(), "--out", reference.toString(), "--threads", "1",
                "--quiet");
        assertThat(whole.code()).as(whole.output()).isZero();
        for (String f : List.of("minima.csv", "sweep.csv")) {
            assertThat(Files.readAllBytes(out.resolve(f))).as(f).isEqualTo(Files.readAllBytes(reference.resolve(f)));
        }
    }

    @Test
    void findsTheHeapRunningOutAmongTheCauses() {
        assertThat(RunCommand.outOfMemory(new OutOfMemoryError("Java heap space"))).isTrue();
        assertThat(RunCommand.outOfMemory(new RuntimeException(new java.util.concurrent.ExecutionException(
                new OutOfMemoryError("Java heap space"))))).isTrue();
        assertThat(RunCommand.outOfMemory(new RuntimeException(new IllegalStateException()))).isFalse();
    }
}
