package org.diasporadesk.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoServer;
import org.diasporadesk.wirestore.WireStoreBackend;

/**
 * A benchmark's store, the Mongo wire server with its H2 file backend as the local stack runs it, in a JVM of its
 * own: the store is a separate process in every deployment (MongoDB, or the local stack's wire server), so the
 * benchmark's heap figure must not include the store's caches and the documents it deserialises.
 */
public final class WireServerProcess implements AutoCloseable {

    private static final String READY = "listening on port ";
    /**
     * ZGC, so that the store's collections do not stop it while requests wait on it (its copy-on-write pages survive
     * young collections and are copied), with room to work concurrently: the store holds its pages as decoded
     * documents. The registry's million-row import needs more: {@code -Dbenchmark.storeHeap=16g}.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx" + System.getProperty("benchmark.storeHeap", "6g"),
            "-XX:+UseZGC");

    private final Process process;
    private final int port;
    private final Path safepointLog;

    private WireServerProcess(Process process, int port, Path safepointLog) {
        this.process = process;
        this.port = port;
        this.safepointLog = safepointLog;
    }

    /** Starts the store on a free port with the benchmark's own class path, and waits until it listens. */
    public static WireServerProcess start(Path file) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(JVM_OPTIONS);
        // Every pause of the store's JVM, for BenchmarkConditions.
        Path safepointLog = file.resolveSibling(file.getFileName() + ".safepoints.log");
        command.add("-Xlog:safepoint:file=" + safepointLog);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), WireServerProcess.class.getName(),
                file.toString()));
        Process process = new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith(READY)) {
            // the server's start-up log
        }
        if (line == null) {
            process.destroyForcibly();
            throw new IOException("the wire server process exited before listening; see its output above");
        }
        Thread drain = new Thread(() -> {
            try {
                out.lines()
                    .filter(WireServerProcess::isTrouble)
                    .forEach(trouble -> System.err.println("[store] " + trouble));
            }
            catch (UncheckedIOException closed) {
                // the process ended
            }
        }, "wire-server-output");
        // Its log must be read, or the process blocks once the pipe is full; its warnings and errors are shown (a
        // million-row import once ended with the store gone and no word why).
        drain.setDaemon(true);
        drain.start();
        return new WireServerProcess(process, Integer.parseInt(line.substring(READY.length())), safepointLog);
    }

    /** A line of the store's log worth a reader's attention: a warning, an error, or a stack trace's lines. */
    private static boolean isTrouble(String line) {
        return line.contains(" WARN ") || line.contains(" ERROR ") || line.contains("Exception")
                || line.contains("Error") || line.startsWith("\tat ") || line.startsWith("Caused by");
    }

    public int port() {
        return port;
    }

    /** The CPU time the store's JVM has used. */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    Path safepointLog() {
        return safepointLog;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        MongoServer server = new MongoServer(WireStoreBackend.open(Path.of(args[0])));
        InetSocketAddress address = server.bind();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        System.out.println(READY + address.getPort());
        System.out.flush();
        Thread.currentThread().join();
    }
}
