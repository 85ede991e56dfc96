/**
 * Plot-ready data computed from trials, as plain immutable records, one per plot: history,
 * intermediate values, slice, contour surface, parallel coordinates, EDF, timeline, rank, Pareto front
 * with hypervolume; parameter importance lives in {@code analysis.importance}. What a chart shows,
 * without how it is drawn: the desktop app and {@code tunelab plot} both draw these records through
 * {@code chart}. Depends on {@code trial} and {@code space} only; never on a plotting or UI library.
 */
package org.tunelab.analysis;
