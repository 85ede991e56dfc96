/**
 * NSGA-II: {@link org.tunelab.sampler.nsga2.Nsga2Sampler}, with constrained non-dominated sorting,
 * crowding distance and its crossovers as package-private parts. Depends on {@code space},
 * {@code trial} and {@code sampler}.
 */
package org.tunelab.sampler.nsga2;
