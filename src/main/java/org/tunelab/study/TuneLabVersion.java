package org.tunelab.study;

/** The running TuneLab version, from the jar manifest; {@code dev} when run from classes. */
public final class TuneLabVersion {
  private TuneLabVersion() {}

  public static String get() {
    String v = TuneLabVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
