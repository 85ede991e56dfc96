/**
 * The study designer: a window that builds a study spec with forms (objective with a live command
 * preview and a metric test box, sampler and pruner settings, where to run, budget), embeds the
 * search-space editor of {@code app.design.space}, validates every field with the spec reader's own
 * rules, and reads and writes the same YAML file as {@code tunelab run}. View models here never
 * touch a {@code Node} and are unit-tested without a display; they may use {@code spec}, {@code run},
 * {@code space} and the app's {@code TaskExecutor} and {@code DialogService}.
 */
package org.tunelab.app.design;
