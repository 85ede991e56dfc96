/**
 * Gaussian-process Bayesian optimization: {@link org.tunelab.sampler.gp.GpSampler} and its
 * package-private parts (search-space normalisation, the Matérn 5/2 ARD model and its marginal
 * likelihood fit, acquisition functions and their optimizer, and for several objectives the box
 * decomposition of the non-dominated region and the exact log expected hypervolume improvement). Depends on {@code space}, {@code trial},
 * {@code sampler} and commons-math3.
 */
package org.tunelab.sampler.gp;
