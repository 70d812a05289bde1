package multistart.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the whole command line in-process and captures stdout, stderr and the exit code. */
record Cli(int code, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(code, out.toString(), err.toString());
    }
}
