package org.tunelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The background refresher folds bursts of requests and delivers only the newest result. */
class BackgroundRefresherTest {
  private final ManualTaskExecutor executor = new ManualTaskExecutor();
  private final List<String> shown = new ArrayList<>();
  private final List<String> computed = new ArrayList<>();
  private final List<Throwable> errors = new ArrayList<>();
  private final BackgroundRefresher<String> refresher = new BackgroundRefresher<>(executor, shown::add, errors::add);

  private void request(String value) {
    refresher.request(() -> {
      computed.add(value);
      return value;
    });
  }

  @Test
  void aBurstOfRequestsComputesTheFirstAndTheLastAndShowsOnlyTheLast() {
    request("a");
    request("b");
    request("c");
    executor.settle();
    assertEquals(List.of("a", "c"), computed, "b was replaced before it started");
    assertEquals(List.of("c"), shown, "a was outdated by the time it arrived");
  }

  @Test
  void requestsAfterDeliveryComputeAgain() {
    request("a");
    executor.settle();
    request("b");
    executor.settle();
    assertEquals(List.of("a", "b"), shown);
  }

  @Test
  void aFailureIsReportedAndTheNextRequestStillRuns() {
    refresher.request(() -> {
      throw new IllegalArgumentException("needs 2 objectives");
    });
    executor.settle();
    request("ok");
    executor.settle();
    assertEquals("needs 2 objectives", errors.get(0).getMessage());
    assertEquals(List.of("ok"), shown);
  }

  @Test
  void cancelDropsAResultNotDeliveredYet() {
    request("a");
    refresher.cancel();
    executor.settle();
    assertEquals(List.of(), shown);
  }
}
