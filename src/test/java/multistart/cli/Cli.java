package multistart.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the whole command line in-process and captures stdout, stderr and the exit code. */
record Cli(int code, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(code, out.toString(), err.toString());
    }

    /**
     * Writes {@code yaml} to {@code dir/name.yaml}, runs it quietly into {@code dir/name} (over
     * what is there), fails the test unless it exits 0, and returns the output folder.
     */
    static Path runConfig(Path dir, String name, String yaml) throws IOException {
        Path cfg = dir.resolve(name + ".yaml");
        Files.writeString(cfg, yaml);
        Path out = dir.resolve(name);
        Cli r = run("run", cfg.toString(), "--out", out.toString(), "--quiet", "--force");
        if (r.code() != 0) {
            throw new AssertionError("exit code " + r.code() + ": " + r.err());
        }
        return out;
    }
}
