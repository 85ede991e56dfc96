/**
 * NSGA-III: {@link org.tunelab.sampler.nsga3.Nsga3Sampler}, NSGA-II's generations, tournament,
 * crossover and mutation with Deb and Jain's reference-point survival (Das-Dennis reference points,
 * normalization by the ideal point and the extreme points' intercepts, association by
 * perpendicular distance, niche-preserving selection) as package-private parts. Depends on
 * {@code sampler}, {@code sampler.nsga2} (whose {@code LastFrontSelection} it implements),
 * {@code space} and {@code trial}.
 */
package org.tunelab.sampler.nsga3;
