package dev.cspctl.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateWindowTest {

  @Test
  void concurrentCallersAreSpacedByTheRate() throws Exception {
    double rate = 200; // 5 ms per permit
    int burst = 2;
    int n = 22;
    RateWindow bucket = new RateWindow("t", rate, burst);
    ExecutorService ex = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Long> grants = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> fs = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      fs.add(
          ex.submit(
              () -> {
                go.await();
                bucket.acquire();
                grants.add(System.nanoTime());
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : fs) {
      f.get(10, TimeUnit.SECONDS);
    }
    ex.shutdown();
    long elapsed = Collections.max(grants) - start;
    // (n - burst) / rate seconds at least: 20 * 5 ms = 100 ms
    assertThat(elapsed).isGreaterThanOrEqualTo((long) ((n - burst) / rate * 1e9) - 1_000_000);
    // No more than burst + rate*t permits were granted by any time t after start.
    List<Long> sorted = new ArrayList<>(grants);
    Collections.sort(sorted);
    for (int i = 0; i < sorted.size(); i++) {
      double allowed = burst + (sorted.get(i) - start) / 1e9 * rate;
      assertThat(i + 1.0).isLessThanOrEqualTo(allowed + 1.0);
    }
  }

  @Test
  void aWindowsPermitsGoAtOnceAndTheNextWaitsForTheOldestToLeaveTheWindow() {
    RateWindow window = new RateWindow("t", 20, 3); // 3 per 150 ms
    long t0 = System.nanoTime();
    assertThat(window.acquire()).isZero();
    assertThat(window.acquire()).isZero();
    assertThat(window.acquire()).isZero();
    window.acquire();
    long fourth = System.nanoTime() - t0;
    assertThat(fourth).isGreaterThanOrEqualTo(150_000_000L);
    // the 2nd and 3rd left the window with the 1st: two more go at once, then a window's wait
    assertThat(window.acquire()).isZero();
    assertThat(window.acquire()).isZero();
    assertThat(window.untilAvailable()).isPositive();
  }

  @Test
  void noWindowEverHoldsMoreThanItsPermitsUnderContention() throws Exception {
    int permits = 5;
    RateWindow window = new RateWindow("t", 100, permits); // 5 per 50 ms
    ExecutorService ex = Executors.newFixedThreadPool(8);
    List<Long> grants = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> fs = new ArrayList<>();
    for (int i = 0; i < 40; i++)
      fs.add(
          ex.submit(
              () -> {
                window.acquire();
                return grants.add(System.nanoTime());
              }));
    for (Future<?> f : fs) f.get(10, TimeUnit.SECONDS);
    ex.shutdown();
    List<Long> sorted = new ArrayList<>(grants);
    Collections.sort(sorted);
    // the i-th grant is at least a window after the (i - permits)-th (1 ms for the clock reads)
    for (int i = permits; i < sorted.size(); i++)
      assertThat(sorted.get(i) - sorted.get(i - permits)).isGreaterThanOrEqualTo(49_000_000L);
  }

  @Test
  void aWaiterOfHigherPriorityGetsTheNextPermitBeforeOneThatCameEarlier() throws Exception {
    RateWindow bucket = new RateWindow("t", 5, 1); // one permit per 200 ms
    bucket.acquire(); // the bucket is empty now
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    ExecutorService ex = Executors.newFixedThreadPool(2);
    Future<?> low =
        ex.submit(
            () ->
                RequestPriority.with(
                    10,
                    () -> {
                      bucket.acquire();
                      return order.add("low");
                    }));
    Thread.sleep(50); // low is waiting for the permit due in about 150 ms
    Future<?> high =
        ex.submit(
            () ->
                RequestPriority.with(
                    1,
                    () -> {
                      bucket.acquire();
                      return order.add("high");
                    }));
    high.get(5, TimeUnit.SECONDS);
    low.get(5, TimeUnit.SECONDS);
    ex.shutdown();
    assertThat(order).containsExactly("high", "low");
  }
}
