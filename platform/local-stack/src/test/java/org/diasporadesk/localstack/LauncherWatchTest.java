package org.diasporadesk.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child JVM with the launcher watch ends when the process it watches ends, as with a launcher killed outright. */
class LauncherWatchTest {

    @TempDir
    Path data;

    /** A child that would otherwise run for a minute. */
    public static final class Idle {
        public static void main(String[] args) throws InterruptedException {
            TimeUnit.MINUTES.sleep(1);
        }
    }

    @Test
    void aChildEndsWhenItsLauncherIsKilled() throws Exception {
        Process launcher = new ProcessBuilder("sleep", "60").start();
        Process child = child(LauncherWatch.jvmOption(data, launcher.pid()));
        await("running while the launcher runs").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
            .until(child::isAlive);

        launcher.destroyForcibly().waitFor();

        assertThat(child.waitFor(15, TimeUnit.SECONDS)).as("ended with the launcher").isTrue();
        assertThat(child.exitValue()).isZero();
    }

    @Test
    void aChildWhoseLauncherIsAlreadyGoneDoesNotStart() throws Exception {
        Process launcher = new ProcessBuilder("true").start();
        launcher.waitFor();

        Process child = child(LauncherWatch.jvmOption(data, launcher.pid()));

        assertThat(child.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(1);
    }

    private static Process child(String watch) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, watch, "-cp", System.getProperty("java.class.path"),
                Idle.class.getName())).inheritIO().start();
    }
}
