/**
 * CMA-ES: {@link org.tunelab.sampler.cmaes.CmaEsSampler} and its package-private state, rebuilt by
 * replaying the stored generations. Depends on {@code space}, {@code trial}, {@code sampler} and
 * commons-math3 (eigendecomposition).
 */
package org.tunelab.sampler.cmaes;
