/**
 * The single entry point of an installed TuneLab: it chooses between the desktop app and the command
 * line from the arguments. The only package allowed to depend on both {@code app} and {@code cli},
 * because choosing a face is its whole job; nothing depends on it.
 */
package org.tunelab.launcher;
