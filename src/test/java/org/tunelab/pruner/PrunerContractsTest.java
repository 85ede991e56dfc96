package org.tunelab.pruner;

import org.junit.jupiter.api.Nested;

/** Each pruner against {@link PrunerContract}, in the configuration a user would pick. */
class PrunerContractsTest {
  @Nested
  class Median extends PrunerContract {
    @Override
    protected Pruner newPruner() {
      return Pruner.median();
    }
  }

  @Nested
  class Percentile extends PrunerContract {
    @Override
    protected Pruner newPruner() {
      return new PercentilePruner(25.0, 5, 2, 1, 1);
    }
  }

  @Nested
  class Asha extends PrunerContract {
    @Override
    protected Pruner newPruner() {
      return SuccessiveHalvingPruner.withDefaults();
    }
  }

  @Nested
  class Hyperband extends PrunerContract {
    @Override
    protected Pruner newPruner() {
      return new HyperbandPruner(1, 27L, 3, 0);
    }

    @Override
    protected boolean prunesEveryHopelessTrial() {
      return false;
    }
  }

  @Nested
  class Threshold extends PrunerContract {
    @Override
    protected Pruner newPruner() {
      return new ThresholdPruner(null, 10.0, 0, 1);
    }

    @Override
    protected boolean supportsMultiObjective() {
      return true;
    }
  }

  @Nested
  class Patient extends PrunerContract {
    @Override
    protected Pruner newPruner() {
      return new PatientPruner(null, 3, 0.0);
    }
  }

  @Nested
  class PatientAroundMedian extends PrunerContract {
    @Override
    protected Pruner newPruner() {
      return new PatientPruner(Pruner.median(), 2, 0.0);
    }
  }

  @Nested
  class Wilcoxon extends PrunerContract {
    @Override
    protected Pruner newPruner() {
      return WilcoxonPruner.withDefaults();
    }
  }
}
