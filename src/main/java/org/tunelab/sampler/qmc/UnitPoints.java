package org.tunelab.sampler.qmc;

/** A low-discrepancy sequence: coordinate {@code dim} of point {@code index}, in [0, 1). Thread-safe. */
interface UnitPoints {

  /** How many dimensions the sequence has; parameters beyond them are sampled at random. */
  int maxDimensions();

  double coordinate(long index, int dim);
}
