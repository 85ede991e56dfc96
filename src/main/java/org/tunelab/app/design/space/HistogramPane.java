package org.tunelab.app.design.space;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;

/**
 * Draws a {@link PriorHistogram} as bars laid out side by side, one per bin, so a log-binned histogram
 * is drawn on a log axis and a per-value one gets one bar per value. Bars and labels are plain nodes
 * styled by the theme ({@code .space-bar}); a few evenly spread tick labels keep the axis readable.
 */
final class HistogramPane extends Region {
  private static final double AXIS_HEIGHT = 20;
  private static final int MAX_TICKS = 7;

  private PriorHistogram histogram;
  private final List<Region> bars = new ArrayList<>();
  private final List<Label> ticks = new ArrayList<>();
  private final Line baseline = new Line();
  private final Label maxLabel = new Label();

  HistogramPane() {
    getStyleClass().add("space-histogram");
    setPadding(new Insets(6, 8, 0, 36));
    setMinHeight(120);
    setPrefHeight(180);
    baseline.getStyleClass().add("space-axis");
    maxLabel.getStyleClass().add("space-tick");
  }

  /** Shows {@code h}, or nothing when it is {@code null}. */
  void show(PriorHistogram h) {
    histogram = h;
    getChildren().clear();
    bars.clear();
    ticks.clear();
    if (h == null) return;
    int step = Math.max(1, (int) Math.ceil(h.bins().size() / (double) MAX_TICKS));
    for (double value : h.axisTicks()) {
      Label tick = new Label(PriorHistogram.number(value));
      tick.getStyleClass().add("space-tick");
      tick.setUserData(value);
      ticks.add(tick);
    }
    for (int i = 0; i < h.bins().size(); i++) {
      PriorHistogram.Bin bin = h.bins().get(i);
      Region bar = new Region();
      bar.getStyleClass().add("space-bar");
      String range = bin.lower() == bin.upper() ? bin.label()
          : PriorHistogram.number(bin.lower()) + " to " + PriorHistogram.number(bin.upper());
      Tooltip.install(bar, new Tooltip(range + ": " + bin.count() + " of " + h.samples() + " draws"));
      bars.add(bar);
      if (h.perValue() && i % step == 0) {
        Label tick = new Label(bin.label());
        tick.getStyleClass().add("space-tick");
        tick.setUserData(i);
        ticks.add(tick);
      }
    }
    maxLabel.setText(String.valueOf(h.maxCount()));
    getChildren().addAll(bars);
    getChildren().add(baseline);
    getChildren().addAll(ticks);
    getChildren().add(maxLabel);
    requestLayout();
  }

  PriorHistogram histogram() {
    return histogram;
  }

  /** Where a value lies along a range axis, from 0 (first bar's lower edge) to 1 (last bar's upper edge). */
  private double position(double value) {
    double lo = histogram.bins().get(0).lower();
    double hi = histogram.bins().get(histogram.bins().size() - 1).upper();
    if (histogram.logScale()) return (Math.log(value) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
    return (value - lo) / (hi - lo);
  }

  @Override
  protected void layoutChildren() {
    if (histogram == null || bars.isEmpty()) return;
    Insets in = getPadding();
    double left = in.getLeft();
    double top = in.getTop();
    double width = Math.max(1, getWidth() - left - in.getRight());
    double height = Math.max(1, getHeight() - top - in.getBottom() - AXIS_HEIGHT);
    double slot = width / bars.size();
    double gap = Math.min(3, slot * 0.15);
    int max = Math.max(1, histogram.maxCount());
    for (int i = 0; i < bars.size(); i++) {
      double h = height * histogram.bins().get(i).count() / max;
      bars.get(i).resizeRelocate(left + i * slot + gap / 2, top + height - h, Math.max(1, slot - gap), h);
    }
    baseline.setStartX(left);
    baseline.setEndX(left + width);
    baseline.setStartY(top + height + 0.5);
    baseline.setEndY(top + height + 0.5);
    for (Label tick : ticks) {
      double w = tick.prefWidth(-1);
      double x = tick.getUserData() instanceof Integer i ? left + (i + 0.5) * slot - w / 2
          : left + width * position((Double) tick.getUserData()) - w / 2;
      tick.resizeRelocate(Math.max(0, Math.min(getWidth() - w, x)), top + height + 3, w, tick.prefHeight(-1));
    }
    double mw = maxLabel.prefWidth(-1);
    maxLabel.resizeRelocate(Math.max(0, left - mw - 4), top - 2, mw, maxLabel.prefHeight(-1));
  }
}
