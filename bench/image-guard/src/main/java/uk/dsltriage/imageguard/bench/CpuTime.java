package uk.dsltriage.imageguard.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import uk.dsltriage.imageguard.scanner.ImageContentScanner;

/**
 * Companion to the JMH benchmarks for a shared, busy machine: measures the scanning thread's own CPU time (not wall
 * time), so time spent descheduled while other processes run is not counted. Reports the best of 10 rounds.
 *
 * <pre>java -cp target/benchmarks.jar uk.dsltriage.imageguard.bench.CpuTime</pre>
 */
public final class CpuTime {

    private CpuTime() {}

    public static void main(String[] args) throws Exception {
        ThreadMXBean tm = ManagementFactory.getThreadMXBean();
        ImageContentScanner scanner = new ImageContentScanner();
        JsonFactory jackson = new JsonFactory();
        System.out.printf("%-11s %7s %14s %10s %16s %10s%n", "shape", "bytes", "scan us-cpu", "scan MB/s", "jackson us-cpu",
            "jack MB/s");
        for (String shape : new String[] {"prose", "structured"}) {
            for (int size : new int[] {1024, 16384, 65536}) {
                byte[] body = ImageGuardBenchmark.Bodies.build(shape, size, new Random(2026)).getBytes(StandardCharsets.UTF_8);
                int n = Math.max(50, 20_000_000 / size);
                double bestScan = Double.MAX_VALUE;
                double bestJackson = Double.MAX_VALUE;
                for (int round = 0; round < 10; round++) {
                    long t0 = tm.getCurrentThreadCpuTime();
                    for (int k = 0; k < n; k++) {
                        if (!scanner.scan(body).isClean()) {
                            throw new IllegalStateException("body must be clean");
                        }
                    }
                    bestScan = Math.min(bestScan, (tm.getCurrentThreadCpuTime() - t0) / 1e3 / n);
                    t0 = tm.getCurrentThreadCpuTime();
                    long sink = 0;
                    for (int k = 0; k < n; k++) {
                        try (JsonParser p = jackson.createParser(body)) {
                            while (p.nextToken() != null) {
                                sink += p.getTextLength();
                            }
                        }
                    }
                    bestJackson = Math.min(bestJackson, (tm.getCurrentThreadCpuTime() - t0) / 1e3 / n);
                    if (sink == 42) {
                        System.out.print("");
                    }
                }
                System.out.printf("%-11s %7d %14.1f %10.1f %16.1f %10.1f%n", shape, body.length, bestScan,
                    body.length / bestScan, bestJackson, body.length / bestJackson);
            }
        }
    }
}
