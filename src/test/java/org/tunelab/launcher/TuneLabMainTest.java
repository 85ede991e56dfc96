package org.tunelab.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneLabMainTest {

  @Test
  void opensTheAppWithoutArgumentsOrWithAppOrDemo() {
    assertTrue(TuneLabMain.opensApp(new String[0]));
    assertTrue(TuneLabMain.opensApp(new String[] {"app", "--demo"}));
    assertTrue(TuneLabMain.opensApp(new String[] {"--demo"}));
  }

  @Test
  void opensTheAppOnAnExistingDatabaseFile(@TempDir Path dir) throws IOException {
    Path db = Files.createFile(dir.resolve("studies.db"));
    assertTrue(TuneLabMain.opensApp(new String[] {db.toString()}));
    assertFalse(TuneLabMain.opensApp(new String[] {dir.resolve("missing.db").toString()}));
  }

  @Test
  void runsCommandsOnTheCommandLine() {
    assertFalse(TuneLabMain.opensApp(new String[] {"run", "study.yaml"}));
    assertFalse(TuneLabMain.opensApp(new String[] {"studies", "studies.db"}));
    assertFalse(TuneLabMain.opensApp(new String[] {"--version"}));
  }
}
