/**
 * NSGA-II: {@link org.tunelab.sampler.nsga2.Nsga2Sampler}, with constrained non-dominated sorting,
 * crowding distance and its crossovers as package-private parts. The one public seam,
 * {@link org.tunelab.sampler.nsga2.LastFrontSelection} (set through the builder's {@code survival}),
 * lets {@code nsga3} replace crowding distance by reference-point niching and reuse everything else.
 * Depends on {@code space}, {@code trial} and {@code sampler}.
 */
package org.tunelab.sampler.nsga2;
