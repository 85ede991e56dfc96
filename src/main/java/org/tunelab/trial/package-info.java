/**
 * The values every layer shares about trials and studies: states, directions, the immutable
 * {@link org.tunelab.trial.FrozenTrial}, and {@link org.tunelab.trial.StudyView}, the window samplers
 * and pruners get onto a study. These live apart from {@code study} because {@code storage} needs them
 * and {@code study} needs {@code storage} (see docs/adr/0001). Depends only on {@code space}.
 */
package org.tunelab.trial;
