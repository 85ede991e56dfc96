/**
 * Quasi-Monte Carlo sampling: {@link org.tunelab.sampler.qmc.QmcSampler} over scrambled Sobol
 * (commons-math3's Joe-Kuo direction numbers, with a seeded linear matrix scramble and digital
 * shift) and scrambled Halton (seeded digit permutations). Depends on {@code sampler}, {@code trial},
 * {@code space} and commons-math3.
 */
package org.tunelab.sampler.qmc;
