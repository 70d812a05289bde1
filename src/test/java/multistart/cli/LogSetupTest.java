package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/** The command line's logging set-up, built in code instead of a log4j2.xml. */
class LogSetupTest {

    private static String line(Level level, String message, long millis, Throwable thrown) {
        return line(new LogSetup.Line(), level, message, millis, thrown);
    }

    private static String line(LogSetup.Line layout, Level level, String message, long millis, Throwable thrown) {
        return layout.toSerializable(Log4jLogEvent.newBuilder().setLevel(level)
                .setMessage(new SimpleMessage(message)).setTimeMillis(millis).setThrown(thrown).build());
    }

    @Test
    void aLineIsLocalTimeThenTheLevelPaddedToFiveThenTheMessage() {
        DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
        for (long t : INSTANTS) {
            String time = hms.format(Instant.ofEpochMilli(t));
            assertThat(line(Level.INFO, "w1: 100 runs", t, null)).isEqualTo(time + " INFO  w1: 100 runs" + System.lineSeparator());
            assertThat(line(Level.WARN, "careful", t, null)).isEqualTo(time + " WARN  careful" + System.lineSeparator());
            assertThat(line(Level.DEBUG, "detail", t, null)).isEqualTo(time + " DEBUG detail" + System.lineSeparator());
            assertThat(line(Level.ERROR, "bad", t, null)).isEqualTo(time + " ERROR bad" + System.lineSeparator());
        }
    }

    /**
     * Instants a day's ends apart, before 1970, and on both sides of Europe/Berlin's and New
     * York's daylight-saving changes in 2024 (31 March 01:00 UTC, 27 October 01:00 UTC, 10 March
     * 07:00 UTC).
     */
    private static final long[] INSTANTS = {1L, 1_700_000_000_123L, 1_711_846_799_999L, 1_711_846_800_000L,
        1_729_990_799_999L, 1_729_990_800_000L, 1_710_053_999_999L, 1_710_054_000_000L, -86_400_001L,
        4_102_444_799_999L};

    @Test
    void theTimeIsTheZonesWallClockAcrossDaylightSavingChanges() {
        for (String id : new String[] {"Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC"}) {
            LogSetup.Line layout = new LogSetup.Line(java.util.TimeZone.getTimeZone(id));
            DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of(id));
            for (long t : INSTANTS) {
                assertThat(line(layout, Level.INFO, "m", t, null)).as(id + " " + t)
                        .isEqualTo(hms.format(Instant.ofEpochMilli(t)) + " INFO  m" + System.lineSeparator());
            }
        }
    }

    @Test
    void aThrowableFollowsAsItsStackTrace() {
        String s = line(Level.DEBUG, "stack trace", 0L, new IllegalStateException("boom"));
        assertThat(s).contains(" DEBUG stack trace" + System.lineSeparator() + "java.lang.IllegalStateException: boom")
                .contains("at multistart.cli.LogSetupTest.aThrowableFollowsAsItsStackTrace");
    }

    @Test
    void theConfigurationIsOneStandardErrorAppenderAtInfo() {
        LoggerContext context = new LoggerContext("log-setup-test");
        Configuration c = new LogSetup().getConfiguration(context, "x", (java.net.URI) null);
        c.initialize();
        try {
            assertThat(c.getRootLogger().getLevel()).isEqualTo(Level.INFO);
            assertThat(c.getAppenders()).containsOnlyKeys("stderr");
            ConsoleAppender stderr = (ConsoleAppender) c.getAppenders().get("stderr");
            assertThat(stderr.getTarget()).isEqualTo(ConsoleAppender.Target.SYSTEM_ERR);
            assertThat(stderr.getLayout()).isInstanceOf(LogSetup.Line.class);
        } finally {
            c.stop();
        }
    }

    /**
     * A logger context that starts with this configuration does not look the host name up (a
     * name lookup, seconds where the machine's own name does not resolve): Log4j fills in
     * ${hostName} only when the configuration has none, and this one has.
     */
    @Test
    void startingLogsLooksNoHostNameUp() {
        LoggerContext context = new LoggerContext("log-setup-host");
        Configuration c = new LogSetup().getConfiguration(context, "x", (java.net.URI) null);
        try {
            context.start(c);
            @SuppressWarnings("unchecked")
            java.util.Map<String, String> properties =
                    (java.util.Map<String, String>) context.getConfiguration().getComponent(Configuration.CONTEXT_PROPERTIES);
            assertThat(context.getConfiguration()).isSameAs(c);
            assertThat(properties).containsEntry("hostName", LogSetup.Console.HOST);
        } finally {
            context.stop();
        }
    }

    @Test
    void aConfigurationTheUserNamesIsLeftAlone() {
        String file = System.getProperty("log4j2.configurationFile");
        String factory = System.getProperty("log4j2.configurationFactory");
        try {
            System.clearProperty("log4j2.configurationFactory");
            System.setProperty("log4j2.configurationFile", "mine.xml");
            LogSetup.install();
            assertThat(System.getProperty("log4j2.configurationFactory")).isNull();
            System.clearProperty("log4j2.configurationFile");
            LogSetup.install();
            assertThat(System.getProperty("log4j2.configurationFactory")).isEqualTo(LogSetup.class.getName());
        } finally {
            restore("log4j2.configurationFile", file);
            restore("log4j2.configurationFactory", factory);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
