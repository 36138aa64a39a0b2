package uk.dsltriage.bench;
import java.lang.management.*;
/** Evaluations per CPU-second of the calling thread: less distorted than wall-clock JMH on a busy machine. */
public class CpuTimeHarness {
  public static void main(String[] a) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    RuleEngineBenchmark b = new RuleEngineBenchmark(); b.setUp();
    for (int round = 0; round < 6; round++) {
      for (String name : new String[]{"typical","worstCase","allUnknown"}) {
        long c0 = mx.getCurrentThreadCpuTime(); long w0 = System.nanoTime(); int n = 0;
        while (mx.getCurrentThreadCpuTime() - c0 < 1_000_000_000L) {
          for (int i = 0; i < 100; i++) { switch (name) { case "typical" -> b.typical(); case "worstCase" -> b.worstCase(); default -> b.allUnknown(); } }
          n += 100;
        }
        double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9, wall = (System.nanoTime() - w0) / 1e9;
        System.out.printf("%-10s %8.0f evals per CPU-second (%8.0f per wall-second)%n", name, n / cpu, n / wall);
      }
    }
  }
}
