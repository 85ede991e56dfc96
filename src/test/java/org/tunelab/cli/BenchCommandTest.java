package org.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
  @TempDir Path dir;

  @Test
  void printsMedianAndQuartilesAndWritesOneRowPerSeedAndBudget() throws Exception {
    Path csv = dir.resolve("rows.csv");
    TuneLabCliTest.Result r = TuneLabCliTest.tunelab("bench", "--function", "branin", "--sampler", "random", "--trials", "100",
        "--seeds", "3", "--out", csv.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("function  sampler  budget  seeds  median"), r.out());
    assertTrue(r.out().contains("branin    random   100     3"), r.out());
    List<String> lines = Files.readAllLines(csv);
    assertEquals("function,sampler,seed,budget,best,regret", lines.get(0));
    assertEquals(1 + 3 * 2, lines.size());
    assertTrue(lines.get(1).startsWith("branin,random,0,50,"), lines.get(1));
  }

  @Test
  void firstSeedRunsALaterBlockOfSeedsWithTheSameResultsAsThoseSeedsInALongerRun() throws Exception {
    Path later = dir.resolve("later.csv");
    Path all = dir.resolve("all.csv");
    TuneLabCliTest.Result r = TuneLabCliTest.tunelab("bench", "--function", "branin", "--sampler", "random", "--trials", "50",
        "--first-seed", "2", "--seeds", "2", "--out", later.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("over seeds 2..3:"), r.out());
    TuneLabCliTest.tunelab("bench", "--function", "branin", "--sampler", "random", "--trials", "50", "--seeds", "4",
        "--out", all.toString());
    List<String> laterRows = Files.readAllLines(later);
    List<String> allRows = Files.readAllLines(all);
    assertEquals(List.of(allRows.get(3), allRows.get(4)), laterRows.subList(1, 3));
    assertTrue(laterRows.get(1).startsWith("branin,random,2,50,"), laterRows.get(1));
  }

  @Test
  void refusesANegativeFirstSeed() {
    TuneLabCliTest.Result r = TuneLabCliTest.tunelab("bench", "--first-seed", "-1", "--seeds", "1");
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().contains("--first-seed must be >= 0, got -1"), r.err());
  }

  @Test
  void refusesAnUnknownSamplerNamingTheKnownOnes() {
    TuneLabCliTest.Result r = TuneLabCliTest.tunelab("bench", "--sampler", "tpee", "--seeds", "1");
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().contains("unknown sampler \"tpee\"; known: random, tpe,"), r.err());
  }
}
