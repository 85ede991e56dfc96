/**
 * The command line ({@code tunelab run | studies | trials | bench-storage}), built on picocli. The
 * only package besides {@code app} that writes to the console and configures logging. Depends on
 * the engine packages; nothing depends on it.
 */
package org.tunelab.cli;
