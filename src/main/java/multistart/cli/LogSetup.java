package multistart.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TimeZone;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.AbstractConfiguration;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.layout.AbstractStringLayout;

/**
 * The command line's Log4j 2 configuration, built in code: one console appender on standard
 * error writing {@code HH:mm:ss LEVEL message} (and a throwable's stack trace), root level INFO
 * ({@code -v} raises it to DEBUG, {@code --quiet} lowers it to WARN).
 *
 * <p>The same configuration as a {@code log4j2.xml} with a {@code PatternLayout} cost a command
 * about a tenth of a second more on a 2-core machine: parsing XML, and building each element
 * and pattern converter through Log4j's reflective plugin machinery, on the main thread before
 * the first runs start. A user who wants another logging set-up names a file of their own with
 * {@code -Dlog4j2.configurationFile=...} (for example through {@code JAVA_TOOL_OPTIONS}); that
 * leaves this class out.
 */
public final class LogSetup extends ConfigurationFactory {

    private static final String[] PROPERTIES = {
        "log4j2.configurationFile", "log4j.configurationFile", "log4j2.configurationFactory",
        "log4j.configurationFactory"};

    /** For Log4j, which makes the factory named by its property. */
    public LogSetup() {
    }

    /**
     * Makes Log4j use this configuration when it starts, unless the user named a configuration
     * of their own. Call before the first logger is asked for; afterwards it has no effect. It
     * only names this class in Log4j's property, so it loads none of Log4j's classes: logging
     * starts later, after the configs are read and the lane warm-up has begun (see Warmup).
     */
    static void install() {
        for (String p : PROPERTIES) {
            if (System.getProperty(p) != null) {
                return;
            }
        }
        System.setProperty("log4j2.configurationFactory", LogSetup.class.getName());
    }

    @Override
    protected String[] getSupportedTypes() {
        return new String[] {"*"};
    }

    @Override
    public Configuration getConfiguration(LoggerContext context, ConfigurationSource source) {
        return new Console(context);
    }

    @Override
    public Configuration getConfiguration(LoggerContext context, String name, URI location) {
        return new Console(context);
    }

    /** Root logger at INFO to one appender on standard error. */
    static final class Console extends AbstractConfiguration {
        /** What ${hostName} reads in this configuration (which has no lookups). */
        static final String HOST = "localhost";

        Console(LoggerContext context) {
            super(context, ConfigurationSource.NULL_SOURCE);
            setName("multistart");
            // Log4j puts the host name into a new configuration's properties, for ${hostName}, unless
            // one is there: InetAddress.getLocalHost, a name lookup (5 ms here, seconds on a machine
            // whose own name does not resolve) before the first line is logged. Nothing here reads it.
            @SuppressWarnings("unchecked")
            Map<String, String> properties = (Map<String, String>) getComponent(CONTEXT_PROPERTIES);
            properties.putIfAbsent("hostName", HOST);
        }

        @Override
        protected void doConfigure() {
            ConsoleAppender stderr = ConsoleAppender.newBuilder()
                    .setName("stderr")
                    .setTarget(ConsoleAppender.Target.SYSTEM_ERR)
                    .setLayout(new Line())
                    .setConfiguration(this)
                    .build();
            stderr.start();
            addAppender(stderr);
            getRootLogger().addAppender(stderr, null, null);
            getRootLogger().setLevel(Level.INFO);
        }
    }

    /**
     * {@code HH:mm:ss LEVEL message}, the level padded to five characters, in the local time zone
     * of each event's instant; a throwable follows as its stack trace.
     */
    static final class Line extends AbstractStringLayout {
        private final TimeZone zone;

        Line() {
            this(TimeZone.getDefault());
        }

        Line(TimeZone zone) {
            super(StandardCharsets.UTF_8);
            this.zone = zone;
        }

        @Override
        public String toSerializable(LogEvent event) {
            StringBuilder b = new StringBuilder(96);
            long ms = event.getTimeMillis();
            long seconds = Math.floorMod(Math.floorDiv(ms + zone.getOffset(ms), 1000L), 86_400L);
            two(b, (int) (seconds / 3600)).append(':');
            two(b, (int) (seconds / 60 % 60)).append(':');
            two(b, (int) (seconds % 60)).append(' ');
            String level = event.getLevel().name();
            b.append(level);
            for (int i = level.length(); i < 5; i++) {
                b.append(' ');
            }
            b.append(' ').append(event.getMessage().getFormattedMessage()).append(System.lineSeparator());
            Throwable thrown = event.getThrown();
            if (thrown != null) {
                StringWriter trace = new StringWriter();
                thrown.printStackTrace(new PrintWriter(trace));
                b.append(trace);
            }
            return b.toString();
        }

        private static StringBuilder two(StringBuilder b, int value) {
            if (value < 10) {
                b.append('0');
            }
            return b.append(value);
        }
    }
}
