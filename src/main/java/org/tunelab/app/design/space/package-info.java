/**
 * The visual search-space editor of the study designer: an ordered list of editable parameter drafts
 * with per-field validation that reuses the engine's own messages, an undo history in which every edit
 * is a described command (keystrokes in one field merge, batches are one entry), a prior-sample
 * histogram of the selected parameter, and starting points (empty, templates, spec files, an existing
 * study). {@link org.tunelab.app.design.space.SpaceEditorViewModel} never touches a {@code Node};
 * {@link org.tunelab.app.design.space.SpaceEditorView} only binds to it. Depends on {@code space},
 * {@code spec}, {@code trial}, {@code sampler} and {@code storage}.
 */
package org.tunelab.app.design.space;
