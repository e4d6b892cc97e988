package org.diasporadesk.testsupport;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a benchmark's figures depend on besides the code: how long each JVM stood still (garbage collection and other
 * safepoints), and who used the machine's CPU meanwhile: the benchmark's JVM, the store's, others (an IDE, a build,
 * another benchmark), and the hypervisor (time stolen from this virtual machine). Latency tails move with all of
 * them, so a benchmark prints them beside its figures: two runs can then be compared, or told apart.
 *
 * <p>Start one just before the measured part and {@link #report} right after it.
 */
public final class BenchmarkConditions {

    private static final Pattern SAFEPOINT_TOTAL = Pattern.compile("Total: (\\d+) ns");

    private final long startedAt = System.nanoTime();
    private final long gcCount = gcCount();
    private final long gcMillis = gcMillis();
    private final long ownCpu = ownCpuNanos();
    private final WireServerProcess store;
    private final long storeCpu;
    private final long storeSafepointLines;
    private final long[] machine = machineJiffies();

    private BenchmarkConditions(WireServerProcess store) {
        this.store = store;
        this.storeCpu = store == null ? 0 : store.cpuNanos();
        this.storeSafepointLines = store == null ? 0 : safepointTotals(store).size();
    }

    /** Conditions of this JVM and the machine. */
    public static BenchmarkConditions start() {
        return new BenchmarkConditions(null);
    }

    /** Conditions of this JVM, the store's and the machine. */
    public static BenchmarkConditions start(WireServerProcess store) {
        return new BenchmarkConditions(store);
    }

    /** Since the start, as one paragraph of a benchmark's output. */
    public String report() {
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        StringBuilder report = new StringBuilder(String.format("  conditions over %.1f s:%n", seconds));
        report.append(String.format("    benchmark JVM: %d collections, %,d ms in them%n", gcCount() - gcCount,
                gcMillis() - gcMillis));
        if (store != null) {
            List<Long> pauses = safepointTotals(store);
            List<Long> during = pauses.subList((int) Math.min(storeSafepointLines, pauses.size()), pauses.size());
            report.append(String.format("    store JVM: %d pauses (safepoints), %,.0f ms in all, the longest %.1f ms%n",
                    during.size(), during.stream().mapToLong(Long::longValue).sum() / 1e6,
                    during.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6));
        }
        long[] now = machineJiffies();
        if (machine != null && now != null) {
            double tick = 1e9 / 100; // USER_HZ: /proc/stat counts hundredths of a second
            double busy = (now[0] - machine[0]) * tick;
            double stolen = (now[1] - machine[1]) * tick;
            double own = ownCpuNanos() - ownCpu;
            double ofStore = store == null ? 0 : store.cpuNanos() - storeCpu;
            int cores = Runtime.getRuntime().availableProcessors();
            report.append(String.format("    CPU of %d cores: benchmark JVM %.1f s, store JVM %.1f s, others %.1f s, "
                    + "stolen by the hypervisor %.1f s%n", cores, own / 1e9, ofStore / 1e9,
                    Math.max(0, busy - own - ofStore) / 1e9, stolen / 1e9));
        }
        return report.toString();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
            .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(count -> count > 0).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
            .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(time -> time > 0).sum();
    }

    private static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** Busy (user, nice, system, irq, softirq) and stolen jiffies of all CPUs; null where there is no /proc. */
    private static long[] machineJiffies() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3])
                    + Long.parseLong(cpu[6]) + Long.parseLong(cpu[7]);
            return new long[] { busy, cpu.length > 8 ? Long.parseLong(cpu[8]) : 0 };
        }
        catch (IOException | RuntimeException notLinux) {
            return null;
        }
    }

    private static List<Long> safepointTotals(WireServerProcess store) {
        try {
            return Files.readAllLines(store.safepointLog()).stream()
                .map(SAFEPOINT_TOTAL::matcher)
                .filter(Matcher::find)
                .map(found -> Long.parseLong(found.group(1)))
                .toList();
        }
        catch (IOException noLogYet) {
            return List.of();
        }
    }
}
