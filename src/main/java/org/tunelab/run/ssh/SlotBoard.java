package org.tunelab.run.ssh;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunelab.run.CommandFailedException;

/**
 * The free slots and GPUs of a run's local machine and hosts, and which hosts are down or out.
 * Trials take a slot (waiting while none is free), and give it back when they end.
 *
 * <p>Thread-safe: every method holds the board's lock; {@link #take} waits on it.
 */
final class SlotBoard {
  private static final Logger LOG = LoggerFactory.getLogger(SlotBoard.class);
  private static final long FIRST_PAUSE_MS = 5_000;
  private static final long MAX_PAUSE_MS = 60_000;

  /** A slot taken by a trial: on {@code host}, or locally when it is {@code null}, with these GPUs. */
  record Slot(SshHost host, List<String> gpus) {}

  private static final class HostState {
    final SshHost host;
    final Deque<String> freeGpus;
    int free;
    long downUntil;
    long pauseMs = FIRST_PAUSE_MS;
    boolean down;
    SshException refusal;

    HostState(SshHost host) {
      this.host = host;
      this.free = host.target().slots();
      this.freeGpus = new ArrayDeque<>(host.target().gpus());
    }
  }

  private final int localSlots;
  private int localFree;
  private final Deque<String> localGpus;
  private final boolean localHasGpus;
  private final int gpusPerTrial;
  private final Map<SshHost, HostState> hosts = new LinkedHashMap<>();

  SlotBoard(int localSlots, List<String> localGpus, int gpusPerTrial, List<SshHost> hostList) {
    this.localSlots = localSlots;
    this.localFree = localSlots;
    this.localGpus = new ArrayDeque<>(localGpus);
    this.localHasGpus = !localGpus.isEmpty();
    this.gpusPerTrial = gpusPerTrial;
    for (SshHost h : hostList) hosts.put(h, new HostState(h));
  }

  synchronized int totalSlots() {
    int n = localSlots;
    for (HostState s : hosts.values()) n += s.host.target().slots();
    return n;
  }

  /**
   * A free slot: local first, then the up host with the most free slots, then a down host whose
   * pause is over (to try it again).
   *
   * @throws CommandFailedException when no slot is left, or none frees up before {@code giveUpNanos}
   */
  synchronized Slot take(long giveUpNanos) throws InterruptedException {
    while (true) {
      if (localFree > 0 && (!localHasGpus || localGpus.size() >= gpusPerTrial)) {
        localFree--;
        return new Slot(null, takeGpus(localGpus));
      }
      long now = System.nanoTime();
      HostState best = null;
      for (HostState s : hosts.values()) {
        if (s.refusal != null || s.free == 0 || s.freeGpus.size() < gpusNeeded(s.host.target().gpus())) continue;
        if (s.down && s.downUntil > now) continue;
        if (best == null || (best.down && !s.down) || (best.down == s.down && s.free > best.free)) best = s;
      }
      if (best != null) {
        best.free--;
        return new Slot(best.host, takeGpus(best.freeGpus));
      }
      if (noSlotLeft()) throw new CommandFailedException("no slot left to run trials: " + problems());
      if (now > giveUpNanos) throw new CommandFailedException("no host came back in time: " + problems());
      long wait = 1000;
      for (HostState s : hosts.values()) {
        if (s.down && s.refusal == null) wait = Math.min(wait, Math.max(1, TimeUnit.NANOSECONDS.toMillis(s.downUntil - now)));
      }
      wait(wait);
    }
  }

  private int gpusNeeded(List<String> ids) {
    return ids.isEmpty() ? 0 : gpusPerTrial;
  }

  private List<String> takeGpus(Deque<String> free) {
    List<String> out = new ArrayList<>();
    if (free.isEmpty()) return out;
    for (int i = 0; i < gpusPerTrial; i++) out.add(free.removeFirst());
    return out;
  }

  synchronized void release(Slot slot) {
    if (slot.host() == null) {
      localFree++;
      localGpus.addAll(slot.gpus());
    } else {
      HostState s = hosts.get(slot.host());
      s.free++;
      s.freeGpus.addAll(slot.gpus());
    }
    notifyAll();
  }

  /** The host answered: it is up again. */
  synchronized void markUp(SshHost host) {
    HostState s = hosts.get(host);
    if (s.down) LOG.warn("{} is back: it runs trials again", host.label());
    s.down = false;
    s.pauseMs = FIRST_PAUSE_MS;
    notifyAll();
  }

  /** The host failed: down for a while when that may pass, out of the run otherwise. */
  synchronized void markFailed(SshHost host, SshException e) {
    HostState s = hosts.get(host);
    if (!e.kind().isTransient()) {
      boolean first = s.refusal == null;
      s.refusal = e;
      // When nothing is left the caller fails with this message; logging it too would say it twice.
      if (first && !noSlotLeft()) LOG.error("{}; this host runs no trials in this run", e.getMessage());
    } else {
      if (!s.down) LOG.warn("{}: down, skipped; its trials go to other slots; trying it again in {} s", e.getMessage(), s.pauseMs / 1000);
      s.down = true;
      s.downUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(s.pauseMs);
      s.pauseMs = Math.min(MAX_PAUSE_MS, s.pauseMs * 2);
    }
    notifyAll();
  }

  /** Whether nothing can run trials: no local slot and every host refused. */
  synchronized boolean noSlotLeft() {
    if (localSlots > 0) return false;
    for (HostState s : hosts.values()) if (s.refusal == null) return false;
    return true;
  }

  /**
   * @throws SshException the first refusal, with every host's problem, when no slot is left
   */
  synchronized void requireSomeSlot() {
    if (!noSlotLeft()) return;
    SshException first = hosts.values().iterator().next().refusal;
    throw new SshException(first.kind(), problems(), first);
  }

  /** Each host's problem, one per host, for messages. */
  synchronized String problems() {
    List<String> out = new ArrayList<>();
    for (HostState s : hosts.values()) {
      if (s.refusal != null) out.add(s.refusal.getMessage());
      else if (s.down) out.add(s.host.label() + " is down");
    }
    return out.isEmpty() ? "every slot is busy" : String.join("; ", out);
  }

  @Override
  public synchronized String toString() {
    List<String> parts = new ArrayList<>();
    if (localSlots > 0) parts.add(localSlots + " local slot(s)");
    for (HostState s : hosts.values()) parts.add(s.host.label() + " (" + s.host.target().slots() + " slots)");
    return String.join(", ", parts);
  }
}
