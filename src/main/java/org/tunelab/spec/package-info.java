/**
 * Study spec files: YAML to an immutable {@link org.tunelab.spec.StudySpec} and back, with errors
 * that name the file, line and field, and the factory that turns a spec into a search space, a
 * sampler, a pruner, an objective and optimize options. Depends on {@code space}, {@code trial},
 * {@code study}, {@code sampler}, {@code pruner}, {@code storage}, {@code functions} and {@code run};
 * reads YAML through SnakeYAML's node API so that every value keeps its line.
 */
package org.tunelab.spec;
