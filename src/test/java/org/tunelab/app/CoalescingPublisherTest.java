package org.tunelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescingPublisherTest {

  @Test
  void keepsOnlyTheNewestValueAndQueuesOneDelivery() {
    ManualTaskExecutor executor = new ManualTaskExecutor();
    List<Integer> seen = new ArrayList<>();
    CoalescingPublisher<Integer> publisher = new CoalescingPublisher<>(executor, seen::add);
    for (int i = 1; i <= 100; i++) publisher.publish(i);
    assertEquals(1, executor.pendingUiTasks());
    executor.settle();
    assertEquals(List.of(100), seen);
  }

  @Test
  void aValuePublishedAfterADeliveryIsDeliveredToo() {
    ManualTaskExecutor executor = new ManualTaskExecutor();
    List<Integer> seen = new ArrayList<>();
    CoalescingPublisher<Integer> publisher = new CoalescingPublisher<>(executor, seen::add);
    publisher.publish(1);
    executor.settle();
    publisher.publish(2);
    executor.settle();
    assertEquals(List.of(1, 2), seen);
  }

  @Test
  void underConcurrentPublishingTheLastValueAlwaysArrivesAndTheUiIsNeverFlooded() throws Exception {
    // a single-threaded "UI" that is slow, as a busy FX thread is
    ScheduledExecutorService ui = Executors.newSingleThreadScheduledExecutor();
    AtomicInteger deliveries = new AtomicInteger();
    AtomicInteger last = new AtomicInteger(-1);
    TaskExecutor executor = new TaskExecutor() {
      @Override
      public void execute(Runnable task) {
        task.run();
      }

      @Override
      public void runOnUi(Runnable task) {
        ui.execute(() -> {
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          task.run();
        });
      }

      @Override
      public Cancellable every(Duration period, Runnable task) {
        return () -> { };
      }

      @Override
      public void shutdown() {
        ui.shutdown();
      }
    };
    CoalescingPublisher<Integer> publisher = new CoalescingPublisher<>(executor, v -> {
      deliveries.incrementAndGet();
      last.set(v);
    });
    int threads = 4;
    int perThread = 2_000;
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      int base = t * perThread;
      new Thread(() -> {
        for (int i = 0; i < perThread; i++) publisher.publish(base + i);
        done.countDown();
      }).start();
    }
    assertTrue(done.await(10, TimeUnit.SECONDS));
    publisher.publish(Integer.MAX_VALUE);
    ui.submit(() -> { }).get(10, TimeUnit.SECONDS);
    ui.submit(() -> { }).get(10, TimeUnit.SECONDS);
    assertEquals(Integer.MAX_VALUE, last.get());
    assertTrue(deliveries.get() < threads * perThread / 10, "deliveries: " + deliveries.get());
    executor.shutdown();
  }
}
