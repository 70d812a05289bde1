package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import multistart.engine.Warmup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first config of a run command line, read while the command line is being parsed. */
class EarlyReadTest {

    private static final String CONFIG = """
            name: early
            objective: {builtin: himmelblau}
            starts: {count: 40}
            optimizer: {method: momentum, learning_rate: 0.01, momentum: 0.5, max_iterations: 200}
            """;

    @Test
    void theFirstConfigIsTheFirstArgumentThatIsNeitherAnOptionNorAnOptionsValue(@TempDir Path tmp)
            throws Exception {
        Path a = Files.writeString(tmp.resolve("a.yaml"), CONFIG);
        Path b = Files.writeString(tmp.resolve("b.yaml"), CONFIG);
        String as = a.toString();
        String bs = b.toString();
        assertThat(EarlyRead.firstConfig("run", as, bs)).isEqualTo(a);
        assertThat(EarlyRead.firstConfig("run", "--threads", "2", "--out", bs, as)).isEqualTo(a);
        assertThat(EarlyRead.firstConfig("run", "--force", "-v", "--seed", "7", bs)).isEqualTo(b);
        assertThat(EarlyRead.firstConfig("run", "--", as)).isEqualTo(a);
        // nothing to warm up, nothing to run, or not a file
        assertThat(EarlyRead.firstConfig("run", "--scalar", as)).isNull();
        assertThat(EarlyRead.firstConfig("run", as, "--help")).isNull();
        assertThat(EarlyRead.firstConfig("validate", as)).isNull();
        assertThat(EarlyRead.firstConfig()).isNull();
        assertThat(EarlyRead.firstConfig("run", tmp.resolve("missing.yaml").toString(), as)).isNull();
        assertThat(EarlyRead.firstConfig("run", tmp.toString())).isNull();
        assertThat(EarlyRead.firstConfig("run", "--out")).isNull();
    }

    @Test
    void theOptionsTakingAValueAreRunCommandsOwn() {
        java.util.Set<String> withValue = new java.util.HashSet<>();
        for (picocli.CommandLine.Model.OptionSpec o : new picocli.CommandLine(new RunCommand()).getCommandSpec()
                .options()) {
            if (o.arity().max() > 0) {
                withValue.addAll(java.util.List.of(o.names()));
            }
        }
        assertThat(EarlyRead.WITH_VALUE).containsExactlyInAnyOrderElementsOf(withValue);
    }

    @Test
    void runTakesTheConfigAsReadEarlyAndOnlyForTheSameFile(@TempDir Path tmp) throws Exception {
        Path a = Files.writeString(tmp.resolve("a.yaml"), CONFIG);
        Path b = Files.writeString(tmp.resolve("b.yaml"), CONFIG.replace("early", "other"));
        Warmup[] w = new Warmup[1];

        EarlyRead.begin("run", a.toString());
        RunCommand.Loaded l = EarlyRead.claim(a, w);
        assertThat(l.config().name()).isEqualTo("early");
        assertThat(w[0]).isNotNull();
        w[0].close();
        assertThat(EarlyRead.claim(a, w)).as("once only").isNull();

        w[0] = null;
        EarlyRead.begin("run", a.toString());
        assertThat(EarlyRead.claim(b, w)).as("another file").isNull();
        assertThat(w[0]).isNull();

        Files.writeString(tmp.resolve("bad.yaml"), "name: bad\nstarts: {count: -1}\n");
        EarlyRead.begin("run", tmp.resolve("bad.yaml").toString());
        RunCommand.Loaded bad = EarlyRead.claim(tmp.resolve("bad.yaml"), w);
        assertThat(bad.config()).isNull();
        assertThat(bad.error()).isNotNull();
    }

    @Test
    void aRunStartedEarlyWritesWhatARunStartedLateWrites(@TempDir Path tmp) throws Exception {
        Path a = Files.writeString(tmp.resolve("a.yaml"), CONFIG);
        String[] late = {"run", a.toString(), "--out", tmp.resolve("late").toString(), "--quiet"};
        String[] early = {"run", a.toString(), "--out", tmp.resolve("early").toString(), "--quiet"};
        assertThat(Cli.run(late).code()).isZero();
        EarlyRead.begin(early);
        Cli r = Cli.run(early);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(EarlyRead.claim(a, new Warmup[1])).as("claimed by the run").isNull();
        for (String f : new String[] {"minima.csv", "sweep.csv"}) {
            assertThat(Files.readString(tmp.resolve("early").resolve(f)))
                    .isEqualTo(Files.readString(tmp.resolve("late").resolve(f)));
        }
    }
}
