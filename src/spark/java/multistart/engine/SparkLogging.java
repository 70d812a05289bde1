package multistart.engine;

import org.apache.logging.log4j.LogManager;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Spark's logging (it logs through SLF4J) sent to this tool's Log4j 2 loggers, so that its lines
 * have the command line's layout: its warnings and errors always, its INFO lines only with
 * {@code -v}, nothing finer. It replaces log4j-slf4j2-impl, which the build leaves out: with that
 * binding Spark takes Log4j for log4j-core and casts its root logger to log4j-core's class, which
 * fails behind this tool's own Log4j backend (cli/LogSetup).
 */
public final class SparkLogging implements SLF4JServiceProvider {

    private final ILoggerFactory loggers = Forward::new;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
    }

    /**
     * Warnings every Spark start prints on an ordinary machine, which ask nothing of the user:
     * no native Hadoop library (Spark has Java code for it), and a host name that resolves to
     * the loopback address (Spark picks another address itself). They are INFO lines here
     * ({@code -v} shows them).
     */
    static boolean routine(String logger, String message) {
        return logger.equals("org.apache.hadoop.util.NativeCodeLoader")
                || logger.equals("org.apache.spark.util.Utils")
                        && (message.startsWith("Your hostname") || message.startsWith("Set SPARK_LOCAL_IP"));
    }

    /**
     * An error Spark logs when executors still report on tasks a cancelled job killed (an
     * interrupted basin map on a cluster) after the application has stopped: nothing is lost,
     * nothing to do. An INFO line here ({@code -v}).
     */
    static boolean afterStop(String message, Throwable thrown) {
        return message.startsWith("Error while invoking RpcHandler#receive()") && thrown != null
                && String.valueOf(thrown.getMessage()).startsWith("Could not find CoarseGrainedScheduler");
    }

    /** One SLF4J logger, writing through the Log4j logger of the same name. */
    static final class Forward extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        private final transient org.apache.logging.log4j.Logger target;

        Forward(String name) {
            this.name = name;
            this.target = LogManager.getLogger(name);
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        /** Spark's INFO lines only when the command line logs DEBUG ({@code -v}). */
        @Override
        public boolean isInfoEnabled() {
            return target.isDebugEnabled();
        }

        @Override
        public boolean isWarnEnabled() {
            return target.isWarnEnabled();
        }

        @Override
        public boolean isErrorEnabled() {
            return target.isErrorEnabled();
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                Throwable thrown) {
            String message = MessageFormatter.basicArrayFormat(pattern, arguments);
            if (level == Level.WARN && routine(name, message) || level == Level.ERROR && afterStop(message, thrown)) {
                level = Level.INFO;
                if (!isInfoEnabled()) {
                    return;
                }
            }
            org.apache.logging.log4j.Level to = switch (level) {
                case ERROR -> org.apache.logging.log4j.Level.ERROR;
                case WARN -> org.apache.logging.log4j.Level.WARN;
                case INFO -> org.apache.logging.log4j.Level.INFO;
                case DEBUG -> org.apache.logging.log4j.Level.DEBUG;
                case TRACE -> org.apache.logging.log4j.Level.TRACE;
            };
            target.log(to, message, thrown);
        }
    }
}
