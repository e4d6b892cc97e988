package org.diasporadesk.localstack;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine, on its embedded default: a real Kafka broker and the Mongo wire server
 * in this JVM, the identity server and the four services as child JVMs. Data stays in {@code .local-stack/}
 * across restarts; Ctrl-C stops everything, services first. It refuses to start while any of its ports is taken
 * ({@link PortCheck}); a child that exits is said so and started again, after a back-off that doubles while it keeps
 * exiting soon after its start, up to {@link #MOST_BACK_OFF}; children end with the launcher however it ends
 * ({@link LauncherWatch}).
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    static final Duration MOST_BACK_OFF = Duration.ofSeconds(30);

    private final StackConfig config;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<ServiceProcess> processes = new ArrayList<>();
    /** Starts exited children again, one at a time; a daemon, so that it never keeps the launcher alive. */
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "local-stack-restarts");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closing;

    private LocalStack(StackConfig config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        LocalStack stack = start(StackConfig.defaults());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
        stack.printWelcome();
        Thread.currentThread().join();
    }

    /** Starts everything and returns once every service reports ready; on failure stops what had started. */
    public static LocalStack start(StackConfig config) throws InterruptedException {
        PortCheck.requireFree(config);
        LocalStack stack = new LocalStack(config);
        Instant started = Instant.now();
        String launcherWatch = LauncherWatch.jvmOption(config.dataDirectory());
        try {
            stack.running.add(KafkaBroker.start(config));
            log.info("Kafka broker (KRaft) on {}", config.kafkaBootstrapServers());
            stack.running.add(MongoWireServer.start(config));
            log.info("Mongo wire server (H2 file backend) on {}", config.mongoUri());
            // The screens' addresses for the issuer: where a sign-in may return to, and whose browsers may fetch tokens.
            Map<String, String> environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrapServers(),
                    "MONGODB_URI", config.mongoUri(), "IDENTITY_ISSUER_URI", config.issuerUri(),
                    "IDENTITY_JWK_SET_URI", config.issuerUri() + "/oauth2/jwks",
                    "DASHBOARD_URL", "http://localhost:" + config.port("reporting-service"),
                    "HOTLINE_URL", "http://localhost:" + config.port("hotline-service"),
                    "REGISTRY_URL", "http://localhost:" + config.port("registry-service"),
                    "OUTREACH_URL", "http://localhost:" + config.port("outreach-service"),
                    "DESK_WEB_ORIGINS", config.services().stream()
                        .map(service -> "http://localhost:" + service.port())
                        .collect(Collectors.joining(",")));
            stack.launch(config.identityServer(), environment, launcherWatch);
            for (StackConfig.Service service : config.services()) {
                stack.launch(service, environment, launcherWatch);
            }
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            for (ServiceProcess process : stack.processes) {
                process.awaitReady(deadline);
                log.info("{} ready on port {} (pid {})", process.name(), process.port(), process.pid());
            }
        }
        catch (RuntimeException | InterruptedException ex) {
            stack.close();
            throw ex;
        }
        log.info("Local stack ready in {} s", Duration.between(started, Instant.now()).toMillis() / 1000.0);
        stack.processes.forEach(stack::watch);
        return stack;
    }

    private void launch(StackConfig.Service service, Map<String, String> environment, String launcherWatch) {
        ServiceProcess process = ServiceProcess.start(config, service, environment, launcherWatch);
        processes.add(process);
        running.add(process);
    }

    /** When the child exits while the stack runs: says so, and starts it again after its back-off. */
    private void watch(ServiceProcess process) {
        process.onExit().thenRun(() -> {
            if (closing) {
                return;
            }
            Duration wait = process.backOffAfterExit(FIRST_BACK_OFF, MOST_BACK_OFF);
            log.warn("{} exited with code {}; starting it again in {} s (its log: {})", process.name(),
                    process.exitValue(), wait.toSeconds(), process.log());
            restarts.schedule(() -> restart(process), wait.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    private void restart(ServiceProcess process) {
        if (closing) {
            return;
        }
        try {
            process.restart();
        }
        catch (IOException ex) {
            log.error("{} could not be started again: {}", process.name(), ex.toString());
            return;
        }
        watch(process);
        // Off the restarting thread, so that another child's restart does not wait for this one to be ready.
        CompletableFuture.runAsync(() -> announceReady(process));
    }

    private void announceReady(ServiceProcess process) {
        try {
            process.awaitReady(Instant.now().plus(START_TIMEOUT));
            log.info("{} is back, ready on port {} (pid {})", process.name(), process.port(), process.pid());
        }
        catch (RuntimeException notReady) {
            log.warn("{}", notReady.getMessage());
        }
        catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the broker and starts it again on the same log and ports, while the services keep running: what a
     * broker's restart in production does to them, for tests.
     */
    public synchronized void restartBroker() {
        for (int i = 0; i < running.size(); i++) {
            if (running.get(i) instanceof KafkaBroker broker) {
                broker.close();
                log.warn("Kafka broker stopped; starting it again");
                running.set(i, KafkaBroker.start(config));
                log.info("Kafka broker (KRaft) back on {}", config.kafkaBootstrapServers());
                return;
            }
        }
        throw new IllegalStateException("the stack runs no broker");
    }

    /** The process id of a child JVM now. */
    public long pid(String name) {
        return processes.stream().filter(process -> process.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no child " + name)).pid();
    }

    /** Process ids of the child JVMs, for measuring the stack's memory. */
    public List<Long> childPids() {
        return processes.stream().map(ServiceProcess::pid).toList();
    }

    public StackConfig config() {
        return config;
    }

    private void printWelcome() {
        String services = String.join("\n", config.services().stream()
            .map(service -> String.format("  %-18s http://localhost:%d   API docs: http://localhost:%d/swagger-ui.html",
                    service.name(), service.port(), service.port()))
            .toList());
        System.out.printf("""

                Diaspora Desk is running (data in %s, logs in %s).
                %s
                  identity-server    %s   (demo clients: README.md, secret demo-<client id>)
                  Kafka              %s
                  MongoDB (wire)     %s

                A token:  curl -s -u registry-officer:demo-registry-officer -d grant_type=client_credentials %s/oauth2/token
                Press Ctrl-C to stop; the data stays for the next start.
                %n""", config.dataDirectory(), config.dataDirectory().resolve("logs"), services, config.issuerUri(),
                config.kafkaBootstrapServers(), config.mongoUri(), config.issuerUri());
    }

    /** Stops in reverse order: services before the broker and the database they write to. */
    @Override
    public synchronized void close() {
        closing = true;
        restarts.shutdownNow();
        List<AutoCloseable> reversed = new ArrayList<>(running);
        Collections.reverse(reversed);
        running.clear();
        for (AutoCloseable component : reversed) {
            try {
                component.close();
            }
            catch (Exception ex) {
                log.warn("Stopping {} failed: {}", component, ex.toString());
            }
        }
    }
}
