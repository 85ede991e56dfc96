package org.tunelab.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tunelab.space.CategoricalDistribution;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.IntDistribution;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;
import org.tunelab.trial.TrialState;

/**
 * The behaviour every {@link Storage} shares. Each implementation extends this class and supplies a
 * fresh, empty store.
 */
public abstract class StorageContract {
  protected static final List<StudyDirection> MIN = List.of(StudyDirection.MINIMIZE);
  protected static final List<StudyDirection> MAX = List.of(StudyDirection.MAXIMIZE);
  protected Storage storage;

  /** A new, empty store; closed after each test. */
  protected abstract Storage newStorage() throws Exception;

  @BeforeEach
  void openStorage() throws Exception {
    storage = newStorage();
  }

  @AfterEach
  void closeStorage() {
    storage.close();
  }

  protected static TrialUpdate complete(double value) {
    return TrialUpdate.builder().state(TrialState.COMPLETE).values(List.of(value)).build();
  }

  protected FrozenTrial finished(long study, double value) {
    FrozenTrial t = storage.createTrial(study, null);
    storage.updateTrial(t.trialId(), complete(value));
    return storage.trial(t.trialId());
  }

  // ---- studies -------------------------------------------------------------------------------

  @Test
  void createsStudyAndFindsItByName() {
    long id = storage.createStudy("alpha", MIN);
    assertEquals(id, storage.findStudy("alpha").orElseThrow());
    assertEquals(id, storage.studyId("alpha"));
    assertEquals("alpha", storage.studyName(id));
    assertTrue(storage.findStudy("beta").isEmpty());
  }

  @Test
  void refusesDuplicateStudyName() {
    storage.createStudy("alpha", MIN);
    assertThrows(DuplicateStudyException.class, () -> storage.createStudy("alpha", MAX));
  }

  @Test
  void refusesStudyWithoutDirections() {
    assertThrows(IllegalArgumentException.class, () -> storage.createStudy("none", List.of()));
  }

  @Test
  void unknownStudyNameListsExistingStudies() {
    storage.createStudy("alpha", MIN);
    StudyNotFoundException e = assertThrows(StudyNotFoundException.class, () -> storage.studyId("gamma"));
    assertTrue(e.getMessage().contains("alpha"), e.getMessage());
  }

  @Test
  void keepsDirectionsInObjectiveOrder() {
    List<StudyDirection> dirs = List.of(StudyDirection.MAXIMIZE, StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE);
    long id = storage.createStudy("mo", dirs);
    assertEquals(dirs, storage.directions(id));
  }

  @Test
  void keepsNonAsciiStudyNames() {
    long id = storage.createStudy("delta ü名前 with spaces", MIN);
    assertEquals("delta ü名前 with spaces", storage.studyName(id));
    assertEquals(id, storage.findStudy("delta ü名前 with spaces").orElseThrow());
  }

  @Test
  void deletesStudyWithItsTrialsAndAttributes() {
    long gone = storage.createStudy("gone", MIN);
    long kept = storage.createStudy("kept", MIN);
    storage.setStudyUserAttr(gone, "k", 1);
    storage.setStudySystemAttr(gone, "s", 2);
    FrozenTrial t = storage.createTrial(gone, TrialUpdate.builder()
        .param("x", FloatDistribution.of(0, 1), 0.5).intermediateValue(0, 1.0).userAttr("u", "v")
        .systemAttr("s", "w").build());
    storage.updateTrial(t.trialId(), complete(1.0));
    FrozenTrial other = finished(kept, 2.0);

    storage.deleteStudy(gone);

    assertTrue(storage.findStudy("gone").isEmpty());
    assertThrows(StorageException.class, () -> storage.trial(t.trialId()));
    assertThrows(StorageException.class, () -> storage.trials(gone));
    assertEquals(List.of(other), storage.trials(kept));
    assertEquals(List.of("kept"), storage.studies().stream().map(StudySummary::name).toList());
  }

  @Test
  void deletingUnknownStudyFails() {
    assertThrows(StorageException.class, () -> storage.deleteStudy(12345));
  }

  @Test
  void recreatedStudyStartsFreshAfterDelete() {
    long first = storage.createStudy("again", MIN);
    FrozenTrial t = storage.createTrial(first, null);
    storage.updateTrial(t.trialId(), TrialUpdate.builder().param("x", FloatDistribution.of(0, 1), 0.5).build());
    storage.deleteStudy(first);
    long second = storage.createStudy("again", MIN);
    FrozenTrial u = storage.createTrial(second, null);
    assertEquals(0, u.number());
    // x was a float in the deleted study; the new study may define it afresh.
    storage.updateTrial(u.trialId(), TrialUpdate.builder().param("x", IntDistribution.of(0, 3), 2).build());
    assertEquals(2L, storage.trial(u.trialId()).params().get("x"));
  }

  @Test
  void storesStudyAttributesOfEveryJsonKind() {
    long id = storage.createStudy("attrs", MIN);
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("a", List.of(1L, 2.5, "three"));
    nested.put("b", Collections.singletonMap("c", null));
    storage.setStudyUserAttr(id, "null", null);
    storage.setStudyUserAttr(id, "nested", nested);
    storage.setStudyUserAttr(id, "unicode", "größe – 名前 😀");
    storage.setStudyUserAttr(id, "nan", Double.NaN);
    storage.setStudyUserAttr(id, "inf", List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    storage.setStudyUserAttr(id, "int", 7L);
    storage.setStudyUserAttr(id, "float", 7.0);
    storage.setStudyUserAttr(id, "bool", true);
    storage.setStudySystemAttr(id, "sys", "only system");

    Map<String, Object> user = storage.studyUserAttrs(id);
    assertEquals(List.of("null", "nested", "unicode", "nan", "inf", "int", "float", "bool"),
        new ArrayList<>(user.keySet()));
    assertNull(user.get("null"));
    assertEquals(nested, user.get("nested"));
    assertEquals("größe – 名前 😀", user.get("unicode"));
    assertTrue(((Double) user.get("nan")).isNaN());
    assertEquals(List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY), user.get("inf"));
    assertEquals(7L, user.get("int"));
    assertEquals(7.0, user.get("float"));
    assertEquals(true, user.get("bool"));
    assertEquals(Map.of("sys", "only system"), storage.studySystemAttrs(id));
  }

  @Test
  void overwritesStudyAttributeInPlace() {
    long id = storage.createStudy("attrs", MIN);
    storage.setStudyUserAttr(id, "a", 1L);
    storage.setStudyUserAttr(id, "b", 2L);
    storage.setStudyUserAttr(id, "a", "one");
    assertEquals(List.of("a", "b"), new ArrayList<>(storage.studyUserAttrs(id).keySet()));
    assertEquals("one", storage.studyUserAttrs(id).get("a"));
  }

  @Test
  void settingAttributeOfUnknownStudyFails() {
    assertThrows(StorageException.class, () -> storage.setStudyUserAttr(999, "k", 1));
  }

  // ---- trial lifecycle -----------------------------------------------------------------------

  @Test
  void numbersTrialsFromZeroPerStudy() {
    long a = storage.createStudy("a", MIN);
    long b = storage.createStudy("b", MIN);
    List<Integer> numbersA = new ArrayList<>();
    List<Integer> numbersB = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      numbersA.add(storage.createTrial(a, null).number());
      numbersB.add(storage.createTrial(b, null).number());
    }
    assertEquals(List.of(0, 1, 2, 3), numbersA);
    assertEquals(List.of(0, 1, 2, 3), numbersB);
    assertEquals(List.of(0, 1, 2, 3), storage.trials(a).stream().map(FrozenTrial::number).toList());
  }

  @Test
  void trialsSinceReturnsNewTrialsAndThoseThatWereUnfinished() {
    long id = storage.createStudy("s", MIN);
    long other = storage.createStudy("other", MIN);
    FrozenTrial done = storage.createTrial(id, null);
    storage.updateTrial(done.trialId(), TrialUpdate.builder().values(List.of(1.0)).state(TrialState.COMPLETE).build());
    FrozenTrial running = storage.createTrial(id, null);
    List<FrozenTrial> first = storage.trialsSince(id, TrialCursor.START);
    assertEquals(List.of(0, 1), first.stream().map(FrozenTrial::number).toList());
    TrialCursor cursor = TrialCursor.START.advance(first);
    assertEquals(Set.of(running.trialId()), cursor.unfinished());

    assertEquals(List.of(1), storage.trialsSince(id, cursor).stream().map(FrozenTrial::number).toList(),
        "an unfinished trial is read again, a finished one is not");
    storage.updateTrial(running.trialId(), TrialUpdate.builder().values(List.of(2.0)).state(TrialState.COMPLETE).build());
    storage.createTrial(other, null);
    FrozenTrial added = storage.createTrial(id, null);
    List<FrozenTrial> next = storage.trialsSince(id, cursor);
    assertEquals(List.of(1, 2), next.stream().map(FrozenTrial::number).toList());
    assertEquals(TrialState.COMPLETE, next.get(0).state());
    cursor = cursor.advance(next);
    assertEquals(Set.of(added.trialId()), cursor.unfinished());
    storage.updateTrial(added.trialId(), TrialUpdate.builder().state(TrialState.FAIL).build());
    cursor = cursor.advance(storage.trialsSince(id, cursor));
    assertEquals(List.of(), storage.trialsSince(id, cursor), "nothing changed since");
  }

  @Test
  void newTrialIsRunningAndStarted() {
    long id = storage.createStudy("s", MIN);
    FrozenTrial t = storage.createTrial(id, null);
    assertEquals(TrialState.RUNNING, t.state());
    assertNotNull(t.datetimeStart());
    assertNull(t.datetimeComplete());
    assertNull(t.values());
    assertEquals(t, storage.trial(t.trialId()));
  }

  @Test
  void enqueuedTrialWaitsWithoutStartTime() {
    long id = storage.createStudy("s", MIN);
    FrozenTrial t = storage.createTrial(id, TrialUpdate.builder().state(TrialState.WAITING)
        .systemAttr("fixed_params", Map.of("x", 1.0)).build());
    FrozenTrial read = storage.trial(t.trialId());
    assertEquals(TrialState.WAITING, read.state());
    assertNull(read.datetimeStart());
    assertEquals(Map.of("fixed_params", Map.of("x", 1.0)), read.systemAttrs());
  }

  @Test
  void claimTakesOldestWaitingTrialAndStartsIt() {
    long id = storage.createStudy("s", MIN);
    storage.createTrial(id, null);
    FrozenTrial first = storage.createTrial(id, TrialUpdate.builder().state(TrialState.WAITING).build());
    FrozenTrial second = storage.createTrial(id, TrialUpdate.builder().state(TrialState.WAITING).build());

    FrozenTrial claimed = storage.claimWaitingTrial(id).orElseThrow();
    assertEquals(first.trialId(), claimed.trialId());
    assertEquals(TrialState.RUNNING, claimed.state());
    assertNotNull(claimed.datetimeStart());
    assertEquals(second.trialId(), storage.claimWaitingTrial(id).orElseThrow().trialId());
    assertEquals(Optional.empty(), storage.claimWaitingTrial(id));
  }

  @Test
  void racingWorkersClaimEachWaitingTrialExactlyOnce() throws Exception {
    long id = storage.createStudy("s", MIN);
    for (int i = 0; i < 40; i++) storage.createTrial(id, TrialUpdate.builder().state(TrialState.WAITING).build());
    ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        futures.add(pool.submit(() -> {
          Optional<FrozenTrial> t;
          while ((t = storage.claimWaitingTrial(id)).isPresent()) claimed.add(t.get().trialId());
        }));
      }
      for (Future<?> f : futures) f.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(40, claimed.size());
    assertEquals(40, Set.copyOf(claimed).size());
    assertEquals(List.of(), storage.trials(id, Set.of(TrialState.WAITING)));
  }

  @Test
  void updateWritesParamsValuesAttributesAndStateTogether() {
    long id = storage.createStudy("s", MIN);
    FrozenTrial t = storage.createTrial(id, null);
    storage.updateTrial(t.trialId(), TrialUpdate.builder()
        .param("x", FloatDistribution.of(-1, 1), 0.25)
        .param("n", IntDistribution.of(1, 9), 4)
        .param("opt", CategoricalDistribution.of("adam", "sgd"), 1)
        .intermediateValue(0, 3.0).intermediateValue(1, 2.0)
        .userAttr("note", "hello").systemAttr("sys", List.of(1L, 2L))
        .state(TrialState.COMPLETE).values(List.of(1.5))
        .build());
    FrozenTrial read = storage.trial(t.trialId());
    assertEquals(TrialState.COMPLETE, read.state());
    assertEquals(List.of(1.5), read.values());
    assertEquals(Map.of("x", 0.25, "n", 4L, "opt", "sgd"), read.params());
    assertEquals(FloatDistribution.of(-1, 1), read.distributions().get("x"));
    assertEquals(Map.of(0, 3.0, 1, 2.0), read.intermediateValues());
    assertEquals(Map.of("note", "hello"), read.userAttrs());
    assertEquals(Map.of("sys", List.of(1L, 2L)), read.systemAttrs());
    assertNotNull(read.datetimeComplete());
    assertFalse(read.datetimeComplete().isBefore(read.datetimeStart()));
  }

  @Test
  void returnsParamsInTheOrderTheyWereSet() {
    long id = storage.createStudy("s", MIN);
    FrozenTrial t = storage.createTrial(id, null);
    storage.updateTrial(t.trialId(), TrialUpdate.builder().param("z", FloatDistribution.of(0, 1), 0.1).build());
    storage.updateTrial(t.trialId(), TrialUpdate.builder().param("a", FloatDistribution.of(0, 1), 0.2)
        .param("m", FloatDistribution.of(0, 1), 0.3).build());
    assertEquals(List.of("z", "a", "m"), new ArrayList<>(storage.trial(t.trialId()).params().keySet()));
    assertEquals(List.of("z", "a", "m"), new ArrayList<>(storage.trial(t.trialId()).distributions().keySet()));
  }

  @Test
  void paramsKeepTheirExternalKinds() {
    long id = storage.createStudy("s", MIN);
    CategoricalDistribution mixed = CategoricalDistribution.of("adam", null, 3L, 2.5, true);
    FrozenTrial t = storage.createTrial(id, TrialUpdate.builder()
        .param("f", FloatDistribution.stepped(0, 1, 0.25), 0.75)
        .param("lr", FloatDistribution.log(1e-5, 1e-1), 1e-3)
        .param("i", IntDistribution.stepped(0, 10, 2), 4)
        .param("u", IntDistribution.log(1, 1024), 64)
        .param("c0", mixed, 0).param("c1", mixed, 1).param("c2", mixed, 2).param("c3", mixed, 3)
        .param("c4", mixed, 4)
        .build());
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("f", 0.75);
    expected.put("lr", 1e-3);
    expected.put("i", 4L);
    expected.put("u", 64L);
    expected.put("c0", "adam");
    expected.put("c1", null);
    expected.put("c2", 3L);
    expected.put("c3", 2.5);
    expected.put("c4", true);
    assertEquals(expected, storage.trial(t.trialId()).params());
    assertEquals(mixed, storage.trial(t.trialId()).distributions().get("c3"));
  }

  @Test
  void incompatibleParamRejectsTheWholeUpdate() {
    long id = storage.createStudy("s", MIN);
    FrozenTrial first = storage.createTrial(id, null);
    storage.updateTrial(first.trialId(), TrialUpdate.builder().param("x", FloatDistribution.of(0, 1), 0.5).build());
    FrozenTrial t = storage.createTrial(id, null);
    long before = storage.dataVersion();

    TrialUpdate bad = TrialUpdate.builder()
        .param("y", FloatDistribution.of(0, 1), 0.5)
        .param("x", IntDistribution.of(0, 3), 1)
        .intermediateValue(0, 1.0).userAttr("u", 1).state(TrialState.COMPLETE).values(List.of(1.0))
        .build();
    assertThrows(IncompatibleDistributionException.class, () -> storage.updateTrial(t.trialId(), bad));

    assertEquals(t, storage.trial(t.trialId()));
    assertEquals(before, storage.dataVersion());
    // y was not remembered either: a later trial may still give y another kind.
    storage.updateTrial(t.trialId(), TrialUpdate.builder().param("y", IntDistribution.of(0, 3), 2).build());
  }

  @Test
  void acceptsChangedRangeOfTheSameKind() {
    long id = storage.createStudy("s", MIN);
    storage.createTrial(id, TrialUpdate.builder().param("x", FloatDistribution.of(0, 1), 0.5).build());
    FrozenTrial t = storage.createTrial(id, TrialUpdate.builder().param("x", FloatDistribution.of(0, 2), 1.5).build());
    assertEquals(1.5, storage.trial(t.trialId()).params().get("x"));
  }

  @Test
  void rejectsChangedLogFlag() {
    long id = storage.createStudy("s", MIN);
    storage.createTrial(id, TrialUpdate.builder().param("lr", FloatDistribution.of(0.1, 1), 0.5).build());
    FrozenTrial t = storage.createTrial(id, null);
    assertThrows(IncompatibleDistributionException.class, () -> storage.updateTrial(t.trialId(),
        TrialUpdate.builder().param("lr", FloatDistribution.log(0.1, 1), 0.5).build()));
  }

  @Test
  void rejectsChangedChoices() {
    long id = storage.createStudy("s", MIN);
    storage.createTrial(id, TrialUpdate.builder().param("c", CategoricalDistribution.of("a", "b"), 0).build());
    assertThrows(IncompatibleDistributionException.class, () -> storage.createTrial(id,
        TrialUpdate.builder().param("c", CategoricalDistribution.of("a", "b", "c"), 0).build()));
    assertEquals(1, storage.trials(id).size());
  }

  @Test
  void rejectsParamOutsideItsDistribution() {
    long id = storage.createStudy("s", MIN);
    FrozenTrial t = storage.createTrial(id, null);
    assertThrows(IllegalArgumentException.class, () -> storage.updateTrial(t.trialId(),
        TrialUpdate.builder().param("x", FloatDistribution.of(0, 1), 2.0).build()));
  }

  @Test
  void finishedTrialsCannotBeUpdated() {
    long id = storage.createStudy("s", MIN);
    for (TrialState end : List.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL)) {
      FrozenTrial t = storage.createTrial(id, null);
      TrialUpdate.Builder b = TrialUpdate.builder().state(end);
      if (end == TrialState.COMPLETE) b.values(List.of(1.0));
      storage.updateTrial(t.trialId(), b.build());
      FrozenTrial done = storage.trial(t.trialId());
      assertThrows(TrialNotUpdatableException.class, () -> storage.updateTrial(t.trialId(),
          TrialUpdate.builder().userAttr("late", true).build()));
      assertEquals(done, storage.trial(t.trialId()));
    }
  }

  @Test
  void completeTrialNeedsOneNonNanValuePerObjective() {
    long id = storage.createStudy("s", List.of(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE));
    FrozenTrial t = storage.createTrial(id, null);
    assertThrows(IllegalArgumentException.class,
        () -> storage.updateTrial(t.trialId(), TrialUpdate.builder().state(TrialState.COMPLETE).build()));
    assertThrows(IllegalArgumentException.class, () -> storage.updateTrial(t.trialId(), complete(1.0)));
    assertThrows(IllegalArgumentException.class, () -> storage.updateTrial(t.trialId(),
        TrialUpdate.builder().state(TrialState.COMPLETE).values(List.of(1.0, Double.NaN)).build()));
    assertEquals(TrialState.RUNNING, storage.trial(t.trialId()).state());
  }

  @Test
  void storesInfiniteValues() {
    long id = storage.createStudy("s", MIN);
    assertEquals(List.of(Double.POSITIVE_INFINITY), finished(id, Double.POSITIVE_INFINITY).values());
    assertEquals(List.of(Double.NEGATIVE_INFINITY), finished(id, Double.NEGATIVE_INFINITY).values());
    assertEquals(List.of(Double.MAX_VALUE), finished(id, Double.MAX_VALUE).values());
    assertEquals(List.of(Double.MIN_VALUE), finished(id, Double.MIN_VALUE).values());
  }

  @Test
  void storesNanAndInfiniteIntermediateValues() {
    long id = storage.createStudy("s", MIN);
    FrozenTrial t = storage.createTrial(id, null);
    storage.updateTrial(t.trialId(), TrialUpdate.builder().intermediateValue(0, Double.NaN)
        .intermediateValue(1, Double.POSITIVE_INFINITY).intermediateValue(2, Double.NEGATIVE_INFINITY)
        .intermediateValue(3, 0.5).build());
    Map<Integer, Double> iv = storage.trial(t.trialId()).intermediateValues();
    assertEquals(List.of(0, 1, 2, 3), new ArrayList<>(iv.keySet()));
    assertTrue(iv.get(0).isNaN());
    assertEquals(Double.POSITIVE_INFINITY, iv.get(1));
    assertEquals(Double.NEGATIVE_INFINITY, iv.get(2));
    assertEquals(0.5, iv.get(3));
  }

  @Test
  void reportingAStepAgainKeepsTheLatestValue() {
    long id = storage.createStudy("s", MIN);
    FrozenTrial t = storage.createTrial(id, null);
    storage.updateTrial(t.trialId(), TrialUpdate.builder().intermediateValue(0, 1.0).build());
    storage.updateTrial(t.trialId(), TrialUpdate.builder().intermediateValue(0, 2.0).build());
    assertEquals(Map.of(0, 2.0), storage.trial(t.trialId()).intermediateValues());
  }

  @Test
  void storesSeveralObjectivesInOrder() {
    long id = storage.createStudy("mo", List.of(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE,
        StudyDirection.MINIMIZE));
    FrozenTrial t = storage.createTrial(id, null);
    storage.updateTrial(t.trialId(), TrialUpdate.builder().state(TrialState.COMPLETE)
        .values(List.of(3.0, Double.NEGATIVE_INFINITY, 1.0)).build());
    assertEquals(List.of(3.0, Double.NEGATIVE_INFINITY, 1.0), storage.trial(t.trialId()).values());
  }

  @Test
  void prunedTrialMayCarryAValue() {
    long id = storage.createStudy("s", MIN);
    FrozenTrial t = storage.createTrial(id, null);
    storage.updateTrial(t.trialId(), TrialUpdate.builder().intermediateValue(3, 0.7).state(TrialState.PRUNED)
        .values(List.of(0.7)).build());
    FrozenTrial read = storage.trial(t.trialId());
    assertEquals(TrialState.PRUNED, read.state());
    assertEquals(List.of(0.7), read.values());
    assertNotNull(read.datetimeComplete());
  }

  @Test
  void failedTrialHasNoValues() {
    long id = storage.createStudy("s", MIN);
    FrozenTrial t = storage.createTrial(id, null);
    storage.updateTrial(t.trialId(), TrialUpdate.builder().state(TrialState.FAIL).build());
    FrozenTrial read = storage.trial(t.trialId());
    assertEquals(TrialState.FAIL, read.state());
    assertNull(read.values());
    assertNotNull(read.datetimeComplete());
  }

  @Test
  void addsAFinishedTrialFromATemplate() {
    long id = storage.createStudy("s", MIN);
    FrozenTrial t = storage.createTrial(id, TrialUpdate.builder()
        .param("x", FloatDistribution.of(0, 1), 0.5).intermediateValue(0, 0.9).userAttr("from", "template")
        .state(TrialState.COMPLETE).values(List.of(0.25)).build());
    FrozenTrial read = storage.trial(t.trialId());
    assertEquals(t, read);
    assertEquals(TrialState.COMPLETE, read.state());
    assertEquals(0, read.number());
    assertNotNull(read.datetimeStart());
    assertNotNull(read.datetimeComplete());
    assertEquals(Map.of("x", 0.5), read.params());
  }

  @Test
  void upsertsTrialAttributes() {
    long id = storage.createStudy("s", MIN);
    FrozenTrial t = storage.createTrial(id, TrialUpdate.builder().userAttr("a", 1L).userAttr("b", 2L).build());
    storage.updateTrial(t.trialId(), TrialUpdate.builder().userAttr("a", "changed").systemAttr("a", "system").build());
    FrozenTrial read = storage.trial(t.trialId());
    assertEquals(List.of("a", "b"), new ArrayList<>(read.userAttrs().keySet()));
    assertEquals("changed", read.userAttrs().get("a"));
    assertEquals(Map.of("a", "system"), read.systemAttrs());
  }

  @Test
  void filtersTrialsByState() {
    long id = storage.createStudy("s", MIN);
    FrozenTrial done = finished(id, 1.0);
    FrozenTrial running = storage.createTrial(id, null);
    FrozenTrial waiting = storage.createTrial(id, TrialUpdate.builder().state(TrialState.WAITING).build());
    assertEquals(List.of(done), storage.trials(id, Set.of(TrialState.COMPLETE)));
    assertEquals(List.of(running.trialId(), waiting.trialId()),
        storage.trials(id, Set.of(TrialState.RUNNING, TrialState.WAITING)).stream().map(FrozenTrial::trialId).toList());
    assertEquals(3, storage.trials(id, Set.of()).size());
    assertEquals(List.of(), storage.trials(id, Set.of(TrialState.PRUNED)));
  }

  @Test
  void unknownTrialFails() {
    assertThrows(StorageException.class, () -> storage.trial(987654));
    assertThrows(StorageException.class, () -> storage.updateTrial(987654, complete(1.0)));
    assertThrows(StorageException.class, () -> storage.createTrial(987654, null));
  }

  // ---- summaries and change detection ----------------------------------------------------------

  @Test
  void summaryCountsStatesAndPicksTheBestTrial() {
    long min = storage.createStudy("min", MIN);
    long max = storage.createStudy("max", MAX);
    long mo = storage.createStudy("mo", List.of(StudyDirection.MINIMIZE, StudyDirection.MAXIMIZE));
    storage.createStudy("empty", MIN);
    FrozenTrial firstMin = finished(min, 3.0);
    FrozenTrial bestMin = finished(min, -2.0);
    finished(min, -2.0); // a tie goes to the lower number
    storage.createTrial(min, null);
    FrozenTrial bestMax = finished(max, 5.0);
    finished(max, 4.0);
    storage.updateTrial(storage.createTrial(max, null).trialId(), TrialUpdate.builder().state(TrialState.FAIL).build());
    FrozenTrial m = storage.createTrial(mo, null);
    storage.updateTrial(m.trialId(), TrialUpdate.builder().state(TrialState.COMPLETE).values(List.of(1.0, 2.0)).build());
    storage.setStudyUserAttr(min, "owner", "me");

    List<StudySummary> all = storage.studies();
    assertEquals(List.of("min", "max", "mo", "empty"), all.stream().map(StudySummary::name).toList());
    StudySummary sMin = all.get(0);
    assertEquals(3, sMin.stateCounts().get(TrialState.COMPLETE));
    assertEquals(1, sMin.stateCounts().get(TrialState.RUNNING));
    assertEquals(4, sMin.trialCount());
    assertEquals(bestMin, sMin.bestTrial());
    assertEquals(firstMin.datetimeStart(), sMin.datetimeStart());
    assertEquals(Map.of("owner", "me"), sMin.userAttrs());
    assertEquals(MIN, sMin.directions());
    assertEquals(bestMax, all.get(1).bestTrial());
    assertEquals(1, all.get(1).stateCounts().get(TrialState.FAIL));
    assertNull(all.get(2).bestTrial());
    assertNull(all.get(3).bestTrial());
    assertNull(all.get(3).datetimeStart());
    assertEquals(0, all.get(3).trialCount());
  }

  @Test
  void bestTrialRanksInfinitiesAsNumbers() {
    long min = storage.createStudy("min", MIN);
    long max = storage.createStudy("max", MAX);
    finished(min, Double.POSITIVE_INFINITY);
    FrozenTrial negInf = finished(min, Double.NEGATIVE_INFINITY);
    finished(min, 1.0);
    FrozenTrial posInf = finished(max, Double.POSITIVE_INFINITY);
    finished(max, Double.NEGATIVE_INFINITY);
    finished(max, 1e300);
    List<StudySummary> all = storage.studies();
    assertEquals(negInf, all.get(0).bestTrial());
    assertEquals(posInf, all.get(1).bestTrial());
  }

  @Test
  void bestTrialIgnoresPrunedValues() {
    long id = storage.createStudy("s", MIN);
    FrozenTrial pruned = storage.createTrial(id, null);
    storage.updateTrial(pruned.trialId(), TrialUpdate.builder().state(TrialState.PRUNED).values(List.of(-100.0)).build());
    FrozenTrial best = finished(id, 1.0);
    assertEquals(best, storage.studies().get(0).bestTrial());
  }

  @Test
  void dataVersionMovesOnEveryWrite() {
    List<Long> versions = new ArrayList<>();
    versions.add(storage.dataVersion());
    long id = storage.createStudy("s", MIN);
    versions.add(storage.dataVersion());
    storage.setStudyUserAttr(id, "k", 1);
    versions.add(storage.dataVersion());
    FrozenTrial t = storage.createTrial(id, null);
    versions.add(storage.dataVersion());
    storage.updateTrial(t.trialId(), TrialUpdate.builder().intermediateValue(0, 1.0).build());
    versions.add(storage.dataVersion());
    storage.updateTrial(t.trialId(), complete(1.0));
    versions.add(storage.dataVersion());
    storage.deleteStudy(id);
    versions.add(storage.dataVersion());
    assertEquals(versions.size(), Set.copyOf(versions).size(), "versions: " + versions);
    assertEquals(storage.dataVersion(), storage.dataVersion());
  }

  // ---- heartbeats ------------------------------------------------------------------------------
  @Test
  void staleTrialsAreRunningTrialsWhoseHeartbeatIsOlderThanTheGrace() throws InterruptedException {
    long id = storage.createStudy("hb", MIN);
    FrozenTrial beating = storage.createTrial(id, null);
    FrozenTrial silent = storage.createTrial(id, null);
    FrozenTrial done = storage.createTrial(id, null);
    storage.recordHeartbeats(List.of(beating.trialId(), done.trialId()));
    storage.updateTrial(done.trialId(), complete(1.0));
    storage.recordHeartbeats(List.of(done.trialId())); // finished: skipped, not an error
    assertEquals(List.of(), storage.staleTrials(id, java.time.Duration.ofSeconds(60)));
    Thread.sleep(1100); // heartbeats are kept to the second, as Optuna keeps them
    assertEquals(List.of(beating.number()),
        storage.staleTrials(id, java.time.Duration.ZERO).stream().map(FrozenTrial::number).toList(),
        "a trial that never sent a heartbeat (" + silent.number() + ") is never stale");
    assertEquals(List.of(), storage.staleTrials(id, java.time.Duration.ofSeconds(60)));
  }

  @Test
  void describesItself() {
    assertFalse(storage.describe().isBlank());
    assertNotEquals("", storage.describe());
  }

  protected static List<Double> list(double... values) {
    return Arrays.stream(values).boxed().toList();
  }
}
