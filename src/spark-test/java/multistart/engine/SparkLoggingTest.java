package multistart.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

/** Which of Spark's own lines are routine here, and become INFO lines (shown with -v). */
class SparkLoggingTest {

    @Test
    void startUpWarningsThatAskNothingOfTheUserAreRoutine() {
        assertThat(SparkLogging.routine("org.apache.hadoop.util.NativeCodeLoader",
                "Unable to load native-hadoop library for your platform")).isTrue();
        assertThat(SparkLogging.routine("org.apache.spark.util.Utils",
                "Your hostname, box resolves to a loopback address: 127.0.1.1")).isTrue();
        // any other warning stays one
        assertThat(SparkLogging.routine("org.apache.spark.scheduler.TaskSchedulerImpl",
                "Initial job has not accepted any resources")).isFalse();
    }

    @Test
    void executorsReportingAfterTheApplicationStoppedIsNoError() {
        String message = "Error while invoking RpcHandler#receive() for one-way message.";
        assertThat(SparkLogging.afterStop(message, new SparkException("Could not find CoarseGrainedScheduler.")))
                .isTrue();
        // the same line for any other cause is an error still
        assertThat(SparkLogging.afterStop(message, new SparkException("Could not find BlockManagerEndpoint1.")))
                .isFalse();
        assertThat(SparkLogging.afterStop(message, null)).isFalse();
        assertThat(SparkLogging.afterStop("Exception in task 0.0", new SparkException(
                "Could not find CoarseGrainedScheduler."))).isFalse();
    }
}
