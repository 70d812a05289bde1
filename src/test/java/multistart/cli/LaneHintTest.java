package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain {@code java -jar} leaves out the Vector API module and runs 2-5x slower on the
 * built-ins with lane kernels; {@code run} says so, and how to get the lanes. Checked in a
 * child JVM started without the module (this one has it).
 */
class LaneHintTest {

    static final String HINT = "start java with --add-modules jdk.incubator.vector";

    static String run(Path tmp, String builtin, String... extra) throws IOException, InterruptedException {
        Path cfg = tmp.resolve(builtin + ".yaml");
        Files.writeString(cfg, """
                name: hint
                objective: {builtin: %s, dimension: 2}
                starts: {count: 20}
                optimizer: {method: momentum, learning_rate: 0.001, max_iterations: 50}
                output: {charts: false}
                """.formatted(builtin));
        List<String> args = new ArrayList<>(List.of("run", cfg.toString(), "--out", tmp.resolve("out-"
                + builtin).toString(),
                "--force", "--threads", "1"));
        args.addAll(List.of(extra));
        Child c = Child.run(List.of(), args.toArray(String[]::new));
        assertThat(c.code()).as(c.output()).isZero();
        return c.output();
    }

    @Test
    void withoutTheModuleRunSaysHowToGetTheLanes(@TempDir Path tmp) throws Exception {
        assertThat(run(tmp, "rastrigin")).contains(HINT);
    }

    @Test
    void noHintWhereLanesWouldNotHelpOrWereTurnedOff(@TempDir Path tmp) throws Exception {
        // six-hump camel has no lane kernel; --scalar asks for one run at a time
        assertThat(run(tmp, "six-hump-camel")).doesNotContain(HINT);
        assertThat(run(tmp, "peaks", "--scalar")).doesNotContain(HINT);
    }
}
