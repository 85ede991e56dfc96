package org.tunelab.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recently opened databases, newest first, at most {@value #MAX} of them, kept in a text file of
 * one absolute path per line. Failing to read or write the file only costs the list, so it is logged
 * and never shown to the user as an error.
 */
public final class RecentFiles {
  private static final Logger LOG = LoggerFactory.getLogger(RecentFiles.class);
  public static final int MAX = 10;

  private final Path store;

  public RecentFiles(Path store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** The list as stored; empty when there is no file yet. */
  public List<Path> load() {
    if (!Files.isRegularFile(store)) return List.of();
    try {
      List<Path> paths = new ArrayList<>();
      for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) paths.add(Path.of(t));
        if (paths.size() == MAX) break;
      }
      return List.copyOf(paths);
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot read the recent files list {}", store, e);
      return List.of();
    }
  }

  /** Puts {@code file} first (moving it if listed), trims to {@value #MAX}, saves, and returns the new list. */
  public List<Path> add(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    List<Path> paths = new ArrayList<>(load());
    paths.remove(abs);
    paths.add(0, abs);
    while (paths.size() > MAX) paths.remove(paths.size() - 1);
    return save(paths);
  }

  /** Removes {@code file}, saves, and returns the new list. */
  public List<Path> remove(Path file) {
    List<Path> paths = new ArrayList<>(load());
    paths.remove(file.toAbsolutePath().normalize());
    return save(paths);
  }

  private List<Path> save(List<Path> paths) {
    try {
      Files.createDirectories(store.getParent());
      List<String> lines = paths.stream().map(Path::toString).toList();
      // write a sibling and move it in, so a crash never leaves a half-written list
      Path tmp = store.resolveSibling(store.getFileName() + ".tmp");
      Files.write(tmp, lines, StandardCharsets.UTF_8);
      Files.move(tmp, store, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("cannot save the recent files list {}", store, e);
    }
    return List.copyOf(paths);
  }
}
