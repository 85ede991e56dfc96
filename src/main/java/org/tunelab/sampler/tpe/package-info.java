/**
 * The Tree-structured Parzen Estimator: {@link org.tunelab.sampler.tpe.TpeSampler} is the only
 * public type; the Parzen estimator, truncated-normal maths, trial split, hypervolume and caches are
 * package-private. Depends on {@code sampler}, {@code trial}, {@code space} and commons-math3.
 */
package org.tunelab.sampler.tpe;
