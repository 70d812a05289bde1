package multistart.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resolved config as report.html shows it and as --resume compares it. */
class ConfigDumpTest {

    static final String CONFIG = ConfigLoaderTest.MINIMAL + "  max_iterations: [500, 3000]\n";

    @Test
    void wholeNumbersAreWrittenAsSuch() throws Exception {
        assertThat(ConfigDump.lines(ConfigLoaderTest.parse(CONFIG))).contains("optimizer.max_iterations = [500, 3000]",
                "optimizer.learning_rate = [0.1]");
    }

    @Test
    void aFolderSavedWithMaxIterationsAsDecimalsStillResumesButAChangeIsNamed() throws Exception {
        ExperimentConfig c = ConfigLoaderTest.parse(CONFIG);
        // as an older build saved it
        List<String> saved = new ArrayList<>();
        for (String line : ConfigDump.lines(c)) {
            saved.add(line.replace("[500, 3000]", "[500.0, 3000.0]"));
        }
        assertThat(saved).contains("optimizer.max_iterations = [500.0, 3000.0]");
        assertThat(ConfigDump.changes(saved, c)).isEmpty();
        saved.replaceAll(l -> l.replace("[500.0, 3000.0]", "[500.0, 2000.0]"));
        assertThat(ConfigDump.changes(saved, c))
                .containsExactly("optimizer.max_iterations: [500.0, 2000.0] -> [500, 3000]");
    }
}
