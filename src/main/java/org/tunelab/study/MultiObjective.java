package org.tunelab.study;

/** An objective with one value per study direction. */
@FunctionalInterface
public interface MultiObjective {
  double[] evaluate(Trial trial) throws Exception;
}
