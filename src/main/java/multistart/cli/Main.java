package multistart.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code multistart run | validate | functions}. */
@Command(name = "multistart", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Finds the minima of a function by gradient descent from many starts under a grid of "
                + "optimizer settings, and reports basins of attraction and which settings work.",
        subcommands = {RunCommand.class, ValidateCommand.class, FunctionsCommand.class, ExerciseCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failure while running", "2:bad command line or bad config",
            "130:interrupted (finished runs are kept)"})
public final class Main implements Callable<Integer> {

    static {
        // charts are drawn off-screen; never try to open a display
        System.setProperty("java.awt.headless", "true");
    }

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERRUPTED = 130;

    public static void main(String[] args) {
        Interrupts.install();
        EarlyRead.begin(args);
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** As {@link #execute(String...)}, writing to the given streams. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        LogSetup.install();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("multistart: " + e.getMessage());
            org.apache.logging.log4j.LogManager.getLogger(Main.class).debug("stack trace", e);
            return FAILURE;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return BAD_INPUT;
    }

    /** The version from the jar's manifest, or "dev" when run from classes. */
    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"multistart " + version()};
        }
    }
}
