package uk.dsltriage.bench;
import java.lang.management.*;
/**
 * Evaluations per CPU-second of the calling thread (less distorted than wall-clock JMH on a busy machine), and bytes
 * allocated per evaluation (independent of the machine's load). Arguments: the benchmarks to run (default all three);
 * -Drounds (default 6) and -DcpuMillis (CPU time per round, default 1000).
 */
public class CpuTimeHarness {
  public static void main(String[] a) {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    RuleEngineBenchmark b = new RuleEngineBenchmark(); b.setUp();
    int rounds = Integer.getInteger("rounds", 6); long cpuNanos = Long.getLong("cpuMillis", 1000) * 1_000_000L;
    for (int round = 0; round < rounds; round++) {
      for (String name : a.length > 0 ? a : new String[]{"typical","worstCase","allUnknown"}) {
        long c0 = mx.getCurrentThreadCpuTime(); long w0 = System.nanoTime(); long m0 = mx.getThreadAllocatedBytes(self); int n = 0;
        while (mx.getCurrentThreadCpuTime() - c0 < cpuNanos) {
          for (int i = 0; i < 100; i++) { switch (name) { case "typical" -> b.typical(); case "worstCase" -> b.worstCase(); case "typicalInputOnly" -> b.typicalInputOnly(); case "typicalConditionsOnly" -> b.typicalConditionsOnly(); default -> b.allUnknown(); } }
          n += 100;
        }
        double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9, wall = (System.nanoTime() - w0) / 1e9;
        long bytes = (mx.getThreadAllocatedBytes(self) - m0) / n;
        System.out.printf("%-10s %8.0f evals per CPU-second (%8.0f per wall-second) %7d bytes allocated per eval%n", name, n / cpu, n / wall, bytes);
      }
    }
  }
}
