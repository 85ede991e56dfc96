package org.tunelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the app keeps its files, the recent files list, the theme preference and the file check. */
class AppFilesTest {
  @TempDir Path dir;

  @Test
  void followsXdgDirectoriesAndFallsBackToTheHomeDirectory() {
    Path home = Path.of("/home/me");
    AppPaths xdg = AppPaths.from(Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/share"), home);
    assertEquals(Path.of("/cfg/tunelab/recent.txt"), xdg.recentFiles());
    assertEquals(Path.of("/share/tunelab/demo.db"), xdg.demoDatabase());
    AppPaths plain = AppPaths.from(Map.of("XDG_DATA_HOME", "relative/ignored"), home);
    assertEquals(Path.of("/home/me/.config/tunelab/recent.txt"), plain.recentFiles());
    assertEquals(Path.of("/home/me/.local/share/tunelab/demo.db"), plain.demoDatabase());
  }

  @Test
  void recentFilesKeepTheNewestTenWithoutDuplicates() {
    RecentFiles recent = new RecentFiles(dir.resolve("cfg/recent.txt"));
    List<Path> added = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Path p = dir.resolve("s" + i + ".db");
      added.add(0, p);
      recent.add(p);
    }
    List<Path> again = recent.add(dir.resolve("s5.db"));
    assertEquals(RecentFiles.MAX, again.size());
    assertEquals(dir.resolve("s5.db"), again.get(0));
    assertEquals(again, new RecentFiles(dir.resolve("cfg/recent.txt")).load());
    assertEquals(List.of(), new RecentFiles(dir.resolve("none.txt")).load());
  }

  @Test
  void remembersTheTheme() {
    ThemePreference pref = new ThemePreference(dir.resolve("cfg/settings.properties"));
    assertEquals(Theme.LIGHT, pref.load());
    pref.save(Theme.DARK);
    assertEquals(Theme.DARK, new ThemePreference(dir.resolve("cfg/settings.properties")).load());
  }

  @Test
  void refusesMissingEmptyAndNonSqliteFilesWithoutCreatingAnything() throws Exception {
    Path missing = dir.resolve("missing.db");
    assertEquals("The file " + missing + " does not exist.",
        assertThrows(DatabaseOpenException.class, () -> DatabaseFiles.requireSqliteFile(missing)).getMessage());
    assertTrue(Files.notExists(missing));
    Path empty = Files.createFile(dir.resolve("empty.db"));
    Path text = Files.writeString(dir.resolve("notes.db"), "hello");
    for (Path p : List.of(empty, text)) {
      assertEquals(p.getFileName() + " is not an Optuna database: it is not an SQLite file.",
          assertThrows(DatabaseOpenException.class, () -> DatabaseFiles.requireSqliteFile(p)).getMessage());
    }
  }
}
