package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.TimeZone;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.spi.LoggerContext;
import org.junit.jupiter.api.Test;

/** The command line's logging: Log4j's API, and a console backend on its SPI. */
class LogSetupTest {

    private static final String NL = System.lineSeparator();

    private static String line(Level level, String message, long millis, Throwable thrown) {
        return LogSetup.format(millis, TimeZone.getDefault(), level, message, thrown);
    }

    @Test
    void aLineIsLocalTimeThenTheLevelPaddedToFiveThenTheMessage() {
        DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
        for (long t : INSTANTS) {
            String time = hms.format(Instant.ofEpochMilli(t));
            assertThat(line(Level.INFO, "w1: 100 runs", t, null)).isEqualTo(time + " INFO  w1: 100 runs" + NL);
            assertThat(line(Level.WARN, "careful", t, null)).isEqualTo(time + " WARN  careful" + NL);
            assertThat(line(Level.DEBUG, "detail", t, null)).isEqualTo(time + " DEBUG detail" + NL);
            assertThat(line(Level.ERROR, "bad", t, null)).isEqualTo(time + " ERROR bad" + NL);
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
            TimeZone zone = TimeZone.getTimeZone(id);
            DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of(id));
            for (long t : INSTANTS) {
                assertThat(LogSetup.format(t, zone, Level.INFO, "m", null)).as(id + " " + t)
                        .isEqualTo(hms.format(Instant.ofEpochMilli(t)) + " INFO  m" + NL);
            }
        }
    }

    @Test
    void aThrowableFollowsAsItsStackTrace() {
        String s = line(Level.DEBUG, "stack trace", 0L, new IllegalStateException("boom"));
        assertThat(s).contains(" DEBUG stack trace" + NL + "java.lang.IllegalStateException: boom")
                .contains("at multistart.cli.LogSetupTest.aThrowableFollowsAsItsStackTrace");
    }

    /** What {@code run} lets through: INFO and above, DEBUG with -v, WARN and above with --quiet. */
    @Test
    void theLoggersWriteStandardErrorAtTheLevelLastSet() {
        LogSetup.Context context = new LogSetup.Context();
        PrintStream saved = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Logger before = context.getLogger("a.B");
        try {
            System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            before.info("runs {} of {}", 3, 5);
            before.debug("hidden");
            context.setLevel(Level.DEBUG);
            Logger after = context.getLogger("a.C");
            before.debug("shown");
            after.debug("shown too");
            context.setLevel(Level.WARN);
            before.info("hidden");
            after.warn("careful", new IllegalArgumentException("why"));
        } finally {
            System.setErr(saved);
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split(NL);
        assertThat(lines[0]).matches("\\d\\d:\\d\\d:\\d\\d INFO  runs 3 of 5");
        assertThat(lines[1]).matches("\\d\\d:\\d\\d:\\d\\d DEBUG shown");
        assertThat(lines[2]).matches("\\d\\d:\\d\\d:\\d\\d DEBUG shown too");
        assertThat(lines[3]).matches("\\d\\d:\\d\\d:\\d\\d WARN  careful");
        assertThat(lines[4]).isEqualTo("java.lang.IllegalArgumentException: why");
        assertThat(lines).noneMatch(l -> l.contains("hidden"));
        assertThat(context.getLogger("a.B")).isSameAs(before);
        assertThat(context.hasLogger("a.C")).isTrue();
    }

    /** The provider {@link LogSetup#install} names hands out one context, whoever asks. */
    @Test
    void theProviderHandsOutOneContext() {
        LogSetup.Console provider = new LogSetup.Console();
        assertThat(provider.getVersions()).isEqualTo("2.6.0");
        LoggerContext a = provider.getLoggerContextFactory().getContext("x", null, null, false);
        LoggerContext b = new LogSetup.Factory().getContext("y", getClass().getClassLoader(), null, true);
        assertThat(a).isSameAs(b).isInstanceOf(LogSetup.Context.class);
    }

    @Test
    void aSetUpTheUserChoseIsLeftAlone() {
        String file = System.getProperty("log4j2.configurationFile");
        String provider = System.getProperty(LogSetup.PROVIDER);
        try {
            System.clearProperty(LogSetup.PROVIDER);
            System.setProperty("log4j2.configurationFile", "mine.xml");
            LogSetup.install();
            assertThat(System.getProperty(LogSetup.PROVIDER)).isNull();
            System.clearProperty("log4j2.configurationFile");
            LogSetup.install();
            assertThat(System.getProperty(LogSetup.PROVIDER)).isEqualTo(LogSetup.Console.class.getName());
        } finally {
            restore("log4j2.configurationFile", file);
            restore(LogSetup.PROVIDER, provider);
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
