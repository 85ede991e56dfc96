/**
 * Drawing: turns {@code analysis} records into JFreeChart charts and writes them as PNG or SVG. Used by
 * the desktop app (which shows the charts in JavaFX) and by {@code tunelab plot} (which renders them
 * headless), so both draw the same thing. May use JFreeChart, JFreeSVG and {@code java.awt}, never
 * JavaFX (see docs/adr/0002-chart-package.md); depends on {@code analysis} and {@code trial}.
 */
package org.tunelab.chart;
