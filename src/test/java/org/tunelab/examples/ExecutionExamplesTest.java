package org.tunelab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunelab.pruner.Pruner;
import org.tunelab.pruner.SuccessiveHalvingPruner;
import org.tunelab.run.CommandTemplate;
import org.tunelab.run.CommandTrialRunner;
import org.tunelab.run.ExecutionResult;
import org.tunelab.run.ExecutorOptions;
import org.tunelab.run.LocalExecutor;
import org.tunelab.run.RecoveryPolicy;
import org.tunelab.run.TrialCommand;
import org.tunelab.run.TrialRecovery;
import org.tunelab.space.FloatDistribution;
import org.tunelab.space.Param;
import org.tunelab.space.SearchSpace;
import org.tunelab.storage.InMemoryStorage;
import org.tunelab.study.Study;
import org.tunelab.study.TrialPrunedException;
import org.tunelab.trial.TrialState;

/** The usage examples of the execution and pruning types' Javadoc, compiled and run. */
class ExecutionExamplesTest {
  @TempDir Path dir;

  @Test
  void prunerExampleStopsHopelessTrialsFromJava() {
    Study study = Study.builder(new InMemoryStorage()).name("mlp").pruner(Pruner.median()).build();
    study.optimize(trial -> {
      double x = trial.suggestFloat("x", 0, 1);
      for (int epoch = 0; epoch < 20; epoch++) {
        trial.report(epoch, x + 1.0 / (epoch + 1));
        if (trial.shouldPrune()) throw new TrialPrunedException();
      }
      return x;
    }, 40);
    assertTrue(study.trials(Set.of(TrialState.PRUNED)).size() > 5);
  }

  @Test
  void localExecutorExampleRunsAProgramPerTrialInSlots() throws Exception {
    Files.writeString(dir.resolve("train.py"), "import sys\nprint('@tunelab {\"value\": %s}' % sys.argv[1])\n");
    SearchSpace space = SearchSpace.of(Param.of("lr", FloatDistribution.log(1e-5, 1e-1)));
    Study study = Study.builder(new InMemoryStorage()).name("cmd").pruner(SuccessiveHalvingPruner.withDefaults()).build();
    TrialCommand command = TrialCommand.of(CommandTemplate.parse("python3 train.py {lr}", space.names()), dir,
        Duration.ofMinutes(1));
    LocalExecutor executor = new LocalExecutor(study, new CommandTrialRunner(command),
        ExecutorOptions.slots(2).withTrials(6).withSpace(space).withLogDir(dir.resolve("logs")));
    ExecutionResult result = executor.run();
    assertEquals(6, result.complete());
    assertEquals(List.of(), TrialRecovery.recover(study, RecoveryPolicy.DEFAULT.withRetries(2)));
  }
}
