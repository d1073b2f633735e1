package io.cloudward.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures one phase of a benchmark in this JVM: wall time, process CPU time, and heap from GC notifications —
 * the heap in use when a collection started (the phase's peak) and after it (what was still live).
 */
final class JvmMeter implements AutoCloseable {

    private final AtomicLong peakBeforeGc = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private final long wallStart = System.nanoTime();
    private final long cpuStart = processCpuNanos();

    /** What the phase cost. */
    record Figures(double seconds, double cores, long peakHeapBytes, long liveHeapBytes, double loadAverage) {
    }

    JvmMeter() {
        NotificationListener listener = (notification, handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
            peakBeforeGc.accumulateAndGet(heap(info.getMemoryUsageBeforeGc()), Math::max);
            peakAfterGc.accumulateAndGet(heap(info.getMemoryUsageAfterGc()), Math::max);
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            NotificationEmitter emitter = (NotificationEmitter) gc;
            emitter.addNotificationListener(listener, null, null);
            unsubscribe.add(() -> {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // already gone
                }
            });
        }
    }

    Figures figures() {
        long wall = System.nanoTime() - wallStart;
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new Figures(wall / 1e9, (processCpuNanos() - cpuStart) / (double) wall, Math.max(peakBeforeGc.get(), used),
                peakAfterGc.get(), loadAverage());
    }

    @Override
    public void close() {
        unsubscribe.forEach(Runnable::run);
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The machine's 1-minute load average (other engineers' builds share the cores). */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception e) {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }

    /** GC notifications list every pool (metaspace and code cache too): keep the heap's. */
    private static long heap(java.util.Map<String, MemoryUsage> pools) {
        return pools.entrySet().stream().filter(pool -> HEAP_POOLS.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed()).sum();
    }

    private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
            .map(java.lang.management.MemoryPoolMXBean::getName).collect(java.util.stream.Collectors.toSet());
}
