/**
 * Samplers choose parameter values for new trials: the {@link org.tunelab.sampler.Sampler} contract,
 * random and grid sampling here, one sub-package per large algorithm. A sampler sees a study only
 * through {@link org.tunelab.trial.StudyView}, so it rebuilds its state from the storage and works
 * with any number of workers. Depends on {@code trial} and {@code space}.
 */
package org.tunelab.sampler;
