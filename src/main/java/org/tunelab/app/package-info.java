/**
 * The JavaFX desktop app: a main window that opens an Optuna-schema database, lists its studies and
 * shows a study's trials and optimization history, live while other processes write. The only package
 * that may use JavaFX, ControlsFX, JFreeChart or AWT. Views ({@code *View}, {@link org.tunelab.app.MainWindow})
 * are thin and bind to view models ({@code *ViewModel}), which hold state in properties, never touch a
 * {@code Node} and run against a {@link org.tunelab.app.TaskExecutor} so tests can make them synchronous.
 * Depends on {@code storage}, {@code study}, {@code trial}, {@code analysis} and the engine below them.
 */
package org.tunelab.app;
