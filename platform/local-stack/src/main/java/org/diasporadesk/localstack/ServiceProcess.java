package org.diasporadesk.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One service as a child JVM, its output in {@code logs/<name>.log} of the data directory. */
final class ServiceProcess implements AutoCloseable {

    /** Small heaps: the whole stack must stay under 3 GB of resident memory on a 2-core laptop. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:MaxMetaspaceSize=192m");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final StackConfig.Service service;
    private final ProcessBuilder builder;
    private final Path log;
    private volatile Process process;
    private volatile Instant startedAt = Instant.now();
    private Duration backOff = Duration.ZERO;

    private ServiceProcess(StackConfig.Service service, ProcessBuilder builder, Path log) throws IOException {
        this.service = service;
        this.builder = builder;
        this.log = log;
        this.process = builder.start();
    }

    /** @param launcherWatch the JVM option of the {@link LauncherWatch} agent, which ends the child with the launcher */
    static ServiceProcess start(StackConfig config, StackConfig.Service service, Map<String, String> environment,
            String launcherWatch) {
        Path jar = config.repositoryRoot().resolve(service.jar());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests package");
        }
        try {
            Path logs = Files.createDirectories(config.dataDirectory().resolve("logs"));
            Path log = logs.resolve(service.name() + ".log");
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(JVM_OPTIONS);
            command.add(launcherWatch);
            command.addAll(ClassDataSharing.launch(jar, java));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("PORT", Integer.toString(service.port()));
            return new ServiceProcess(service, builder, log);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not start " + service.name(), ex);
        }
    }

    int exitValue() {
        return process.exitValue();
    }

    Path log() {
        return log;
    }

    /** Starts the service again after its JVM exited, with the same command, environment and log. */
    void restart() throws IOException {
        process = builder.start();
        startedAt = Instant.now();
    }

    /** Completes when the service's JVM, as started last, exits. */
    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /**
     * How long to wait before starting the service again: {@code first}, or twice the last wait (up to {@code most})
     * when it exited within a minute of its start, so that a service failing at start-up is not restarted in a loop.
     */
    synchronized Duration backOffAfterExit(Duration first, Duration most) {
        boolean soon = Duration.between(startedAt, Instant.now()).compareTo(Duration.ofMinutes(1)) < 0;
        Duration doubled = backOff.multipliedBy(2);
        backOff = !soon || backOff.isZero() ? first : doubled.compareTo(most) < 0 ? doubled : most;
        return backOff;
    }

    String name() {
        return service.name();
    }

    int port() {
        return service.port();
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the service reports itself ready to take traffic. */
    void awaitReady(Instant deadline) throws InterruptedException {
        URI readiness = URI.create("http://localhost:" + service.port() + "/actuator/health/readiness");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " exited with code " + process.exitValue()
                        + "; see " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYetListening) {
                // the port opens late in start-up; keep polling until the deadline
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException(service.name() + " was not ready in time; see " + log);
    }

    /** SIGTERM first, for the services' graceful shutdown; forcibly after 30 seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
