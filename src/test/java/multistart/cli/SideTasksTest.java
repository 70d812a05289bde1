package multistart.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

// SideTasks.close may be interrupted (see SideTasks)
@SuppressWarnings("try")
class SideTasksTest {

    @Test
    void joinWaitsForEveryTaskAndThrowsTheFailure() throws Exception {
        AtomicBoolean slowDone = new AtomicBoolean();
        SideTasks side = new SideTasks();
        side.start("fails", () -> {
            throw new IOException("disk full");
        });
        side.start("slow", () -> {
            Thread.sleep(200);
            slowDone.set(true);
        });
        assertThatThrownBy(side::join).isInstanceOf(IOException.class).hasMessage("disk full");
        // the failure did not cut the wait short
        assertThat(slowDone).isTrue();
        // and it is reported once
        side.join();
    }

    @Test
    void tasksRunAlongsideTheCaller() throws Exception {
        CountDownLatch callerReached = new CountDownLatch(1);
        AtomicBoolean sawCaller = new AtomicBoolean();
        try (SideTasks side = new SideTasks()) {
            side.start("waits", () -> sawCaller.set(callerReached.await(10, TimeUnit.SECONDS)));
            callerReached.countDown();
            side.join();
        }
        assertThat(sawCaller).isTrue();
    }

    @Test
    void aSecondFailureIsSuppressedInTheFirst() {
        SideTasks side = new SideTasks();
        CountDownLatch first = new CountDownLatch(1);
        side.start("a", () -> {
            first.countDown();
            throw new IOException("a");
        });
        side.start("b", () -> {
            first.await();
            Thread.sleep(50);
            throw new IllegalStateException("b");
        });
        assertThatThrownBy(side::join).isInstanceOf(IOException.class).hasMessage("a")
                .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("b"));
    }

    @Test
    void whenTheCallerFailsCloseStillWaitsAndAddsTheTasksFailure() {
        AtomicBoolean slowDone = new AtomicBoolean();
        assertThatThrownBy(() -> {
            try (SideTasks side = new SideTasks()) {
                side.start("slow", () -> {
                    Thread.sleep(200);
                    slowDone.set(true);
                    throw new IOException("late");
                });
                throw new IllegalStateException("caller");
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("caller")
                .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
                        .containsExactly("late"));
        assertThat(slowDone).isTrue();
    }
}
