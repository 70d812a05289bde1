package multistart.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.MessageFactory;
import org.apache.logging.log4j.simple.SimpleLogger;
import org.apache.logging.log4j.spi.ExtendedLogger;
import org.apache.logging.log4j.spi.LoggerContext;
import org.apache.logging.log4j.spi.LoggerContextFactory;
import org.apache.logging.log4j.spi.Provider;
import org.apache.logging.log4j.util.PropertiesUtil;

/**
 * The command line's logging: the Log4j 2 API throughout, written to standard error as
 * {@code HH:mm:ss LEVEL message} (the level padded to five characters; a throwable follows as
 * its stack trace), root level INFO ({@code -v} raises it to DEBUG, {@code --quiet} lowers it
 * to WARN).
 *
 * <p>By default the lines go through the API's own plain backend: a Log4j {@link Provider}
 * ({@link Console}) whose one logger context hands out the API's {@link SimpleLogger}, each
 * writing this layout. log4j-core took 165 ms of a cold JVM's main thread to start, and about a
 * quarter of a second of CPU on a 2-core machine, a third of a short sweep's whole command
 * (it builds a default configuration with a pattern layout first, and loads every plugin class
 * it lists), for one console line format. A user who wants log4j-core's appenders and layouts
 * names a configuration of their own with {@code -Dlog4j2.configurationFile=...} (for example
 * through {@code JAVA_TOOL_OPTIONS}): then this provider stays out, Log4j finds log4j-core on
 * the class path and reads that file, and {@code -v} and {@code --quiet} set its root level.
 */
public final class LogSetup {

    /** Log4j's property that names the provider. */
    static final String PROVIDER = "log4j.provider";

    /** Properties by which a user chooses a Log4j set-up of their own; any of them leaves ours out. */
    private static final String[] USERS = {
        "log4j2.configurationFile", "log4j.configurationFile", "log4j2.configurationFactory",
        "log4j.configurationFactory", PROVIDER, "log4j2.loggerContextFactory"};

    private LogSetup() {
    }

    /**
     * Makes Log4j use this console backend when it starts, unless the user chose a set-up of
     * their own. Call before the first logger is asked for; afterwards it has no effect. It only
     * sets Log4j's property, and loads none of Log4j's classes: logging starts later, after the
     * configs are read and the lane warm-up has begun (see Warmup).
     */
    static void install() {
        for (String p : USERS) {
            if (System.getProperty(p) != null) {
                userChose = true;
                return;
            }
        }
        System.setProperty(PROVIDER, Console.class.getName());
    }

    /** Whether the user named a Log4j set-up of their own (see {@link #install}). */
    private static volatile boolean userChose;

    /**
     * Where Log4j had started before {@link #install} could choose this backend, and the user
     * named no set-up of their own: log4j-core with its default configuration, which prints
     * errors only, to standard output. spark-submit does that, starting Log4j before it calls
     * this command line's main. Gives it this tool's line layout on standard error at INFO
     * (then {@link #setLevel} as usual). Otherwise nothing, and nothing of log4-core is loaded.
     */
    static void adopt() {
        if (userChose || !(LogManager.getContext(false) instanceof org.apache.logging.log4j.core.LoggerContext)) {
            return;
        }
        var b = org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory.newConfigurationBuilder();
        b.setStatusLevel(Level.ERROR);
        b.add(b.newAppender("stderr", "Console").addAttribute("target", "SYSTEM_ERR")
                .add(b.newLayout("PatternLayout").addAttribute("pattern", "%d{HH:mm:ss} %-5level %msg%n%throwable")));
        b.add(b.newRootLogger(Level.INFO).add(b.newAppenderRef("stderr")));
        org.apache.logging.log4j.core.config.Configurator.reconfigure(b.build());
    }

    /** Sets the level of all logging: this backend's loggers, or log4j-core's root logger. */
    static void setLevel(Level level) {
        if (LogManager.getContext(false) instanceof Context ours) {
            ours.setLevel(level);
        } else {
            org.apache.logging.log4j.core.config.Configurator.setRootLevel(level);
        }
    }

    /** The provider {@link #install} names; Log4j makes it. */
    public static final class Console extends Provider {
        public Console() {
            super(100, "2.6.0", Factory.class);
        }
    }

    /** One logger context for everything: the command line has one class loader. */
    public static final class Factory implements LoggerContextFactory {
        static final Context CONTEXT = new Context();

        @Override
        public LoggerContext getContext(String fqcn, ClassLoader loader, Object externalContext,
                boolean currentContext) {
            return CONTEXT;
        }

        @Override
        public LoggerContext getContext(String fqcn, ClassLoader loader, Object externalContext, boolean currentContext,
                URI configLocation, String name) {
            return CONTEXT;
        }

        @Override
        public void removeContext(LoggerContext context) {
        }

        @Override
        public boolean isClassLoaderDependent() {
            return false;
        }
    }

    /** The loggers, all at one level. */
    static final class Context implements LoggerContext {
        /** Per-logger levels from properties: none here. */
        private static final PropertiesUtil NO_PROPERTIES = new PropertiesUtil(new Properties());

        private final Map<String, Line> loggers = new ConcurrentHashMap<>();
        /** Read and written under the context's lock. */
        private Level level = Level.INFO;

        synchronized void setLevel(Level level) {
            this.level = level;
            for (Line l : loggers.values()) {
                l.setLevel(level);
            }
        }

        @Override
        public Object getExternalContext() {
            return null;
        }

        @Override
        public ExtendedLogger getLogger(String name) {
            return getLogger(name, null);
        }

        @Override
        public ExtendedLogger getLogger(String name, MessageFactory messageFactory) {
            Line l = loggers.get(name);
            if (l != null) {
                return l;
            }
            synchronized (this) {
                // made under the lock that setLevel holds: a logger never misses a level change
                return loggers.computeIfAbsent(name, n -> new Line(n, level, messageFactory, TimeZone.getDefault()));
            }
        }

        @Override
        public boolean hasLogger(String name) {
            return loggers.containsKey(name);
        }

        @Override
        public boolean hasLogger(String name, MessageFactory messageFactory) {
            return loggers.containsKey(name);
        }

        @Override
        public boolean hasLogger(String name, Class<? extends MessageFactory> messageFactoryClass) {
            return loggers.containsKey(name);
        }
    }

    /**
     * A logger writing {@link #format}'s lines to standard error as it is when the line is
     * written (so a test or a caller that replaces System.err gets them).
     */
    static final class Line extends SimpleLogger {
        private static final long serialVersionUID = 1L;

        private final TimeZone zone;

        Line(String name, Level level, MessageFactory messageFactory, TimeZone zone) {
            super(name, level, false, false, false, false, null, messageFactory, Context.NO_PROPERTIES, System.err);
            this.zone = zone;
        }

        @Override
        public void logMessage(String fqcn, Level level, Marker marker, Message message, Throwable thrown) {
            Throwable t = thrown != null ? thrown : message.getThrowable();
            // one write of the whole line: lines from several threads do not mix
            System.err.print(format(System.currentTimeMillis(), zone, level, message.getFormattedMessage(), t));
        }
    }

    /** {@code HH:mm:ss LEVEL message}, in {@code zone}'s wall clock, and the throwable's stack trace. */
    static String format(long millis, TimeZone zone, Level level, String message, Throwable thrown) {
        StringBuilder b = new StringBuilder(96);
        long seconds = Math.floorMod(Math.floorDiv(millis + zone.getOffset(millis), 1000L), 86_400L);
        two(b, (int) (seconds / 3600)).append(':');
        two(b, (int) (seconds / 60 % 60)).append(':');
        two(b, (int) (seconds % 60)).append(' ');
        String name = level.name();
        b.append(name);
        for (int i = name.length(); i < 5; i++) {
            b.append(' ');
        }
        b.append(' ').append(message).append(System.lineSeparator());
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
