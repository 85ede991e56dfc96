package org.tunelab.chart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a {@link Figure} as PNG or SVG, chosen by the file name's extension. Works headless
 * ({@code java.awt.headless=true}): it draws on an in-memory image or on JFreeSVG's recording
 * graphics, never on a screen.
 */
public final class FigureExport {
  private FigureExport() {}

  /** The formats a figure can be written in. */
  public enum Format { PNG, SVG }

  /** The format a file name asks for; throws for anything but .png and .svg. */
  public static Format formatOf(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".png")) return Format.PNG;
    if (name.endsWith(".svg")) return Format.SVG;
    throw new IllegalArgumentException("the output file must end in .png or .svg, got " + file.getFileName());
  }

  /** Writes {@code figure} at {@code width} x {@code height} (pixels; PNG at {@code scale} times that). */
  public static void write(Figure figure, Path file, int width, int height, double scale) throws IOException {
    if (formatOf(file) == Format.SVG) writeSvg(figure, file, width, height);
    else writePng(figure, file, width, height, scale);
  }

  static void writePng(Figure figure, Path file, int width, int height, double scale) throws IOException {
    int w = (int) Math.round(width * scale);
    int h = (int) Math.round(height * scale);
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.scale(scale, scale);
      figure.draw(g, new Rectangle2D.Double(0, 0, width, height));
    } finally {
      g.dispose();
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer available");
    }
  }

  static void writeSvg(Figure figure, Path file, int width, int height) throws IOException {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    figure.draw(g, new Rectangle2D.Double(0, 0, width, height));
    Files.writeString(file, g.getSVGDocument(), StandardCharsets.UTF_8);
  }
}
