package org.tunelab.sampler.nsga2;

import java.util.List;
import java.util.SplittableRandom;
import org.tunelab.trial.FrozenTrial;
import org.tunelab.trial.StudyDirection;

/**
 * How survival fills the next parent population from the first non-dominated front that does not
 * fit whole: NSGA-II keeps the members with the largest crowding distance (the default of
 * {@link Nsga2Sampler}); NSGA-III ({@code org.tunelab.sampler.nsga3}) plugs in reference-point
 * niching through {@link Nsga2Sampler.Builder#survival}. This is the only part of survival that
 * differs between the two, so it is the only part that is public.
 *
 * <p>Called from any worker thread, one call at a time per sampler; an implementation must be
 * stateless or thread-safe, and its result must depend only on its arguments (the random stream
 * is derived from the sampler's seed and the generation, so workers rebuild the same parents).
 */
@FunctionalInterface
public interface LastFrontSelection {
  /**
   * The {@code count} members of {@code lastFront} that survive.
   *
   * @param chosen the whole better fronts already kept (read only)
   * @param lastFront the front that does not fit whole (read only), COMPLETE trials with values
   * @param count how many to keep, {@code 0 < count <= lastFront.size()}
   * @param directions the study's directions, to read each trial's values as minimised ones
   * @param rng the generation's random stream, for ties
   * @return a new list of {@code count} distinct members of {@code lastFront}
   */
  List<FrozenTrial> pick(List<FrozenTrial> chosen, List<FrozenTrial> lastFront, int count,
      List<StudyDirection> directions, SplittableRandom rng);
}
