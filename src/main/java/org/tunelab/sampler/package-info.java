/**
 * Samplers choose parameter values for new trials: the {@link org.tunelab.sampler.Sampler} contract,
 * random and grid sampling here, with what several algorithms share (the unit-box view of a space
 * {@link org.tunelab.sampler.UnitSpace}, the intersection search space, stored constraint values),
 * and one sub-package per large algorithm: {@code tpe}, {@code gp}, {@code cmaes}, {@code nsga2}, {@code nsga3},
 * {@code qmc} and {@code auto}. A sampler sees a study only
 * through {@link org.tunelab.trial.StudyView}, so it rebuilds its state from the storage and works
 * with any number of workers. Depends on {@code trial} and {@code space}.
 */
package org.tunelab.sampler;
