package org.tunelab.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * What one plot kind draws: one chart, or several panels in a grid (a contour or rank matrix, the
 * pairs of a 3-objective Pareto front), with a title above them.
 *
 * @param title shown above the panels; may be empty
 * @param panels the charts, row by row
 * @param columns panels per row
 * @param palette the colours the panels were built with, for the title and background
 */
public record Figure(String title, List<JFreeChart> panels, int columns, ChartPalette palette) {

  public Figure {
    panels = List.copyOf(panels);
    if (panels.isEmpty()) throw new IllegalArgumentException("a figure needs at least one panel");
    if (columns < 1) throw new IllegalArgumentException("columns must be at least 1, got " + columns);
  }

  public static Figure of(JFreeChart chart, ChartPalette palette) {
    return new Figure("", List.of(chart), 1, palette);
  }

  public int rows() {
    return (panels.size() + columns - 1) / columns;
  }

  /** Draws the figure into {@code area} of {@code g}. */
  public void draw(Graphics2D g, Rectangle2D area) {
    g.setPaint(palette.background());
    g.fill(area);
    double top = area.getY();
    if (!title.isEmpty()) {
      g.setPaint(palette.text());
      g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 16));
      g.drawString(title, (float) (area.getX() + 14), (float) (top + 24));
      top += 34;
    }
    double w = area.getWidth() / columns;
    double h = (area.getMaxY() - top) / rows();
    for (int k = 0; k < panels.size(); k++) {
      int r = k / columns;
      int c = k % columns;
      panels.get(k).draw(g, new Rectangle2D.Double(area.getX() + c * w, top + r * h, w, h));
    }
  }
}
