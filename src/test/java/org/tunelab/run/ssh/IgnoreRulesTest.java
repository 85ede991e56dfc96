package org.tunelab.run.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IgnoreRulesTest {
  private static final IgnoreRules RULES = IgnoreRules.parse(List.of(
      "# data stays on the host", "data/", "*.ckpt", "!keep.ckpt", "/top.txt", "logs/**/*.log", "build/*.o",
      "\\#literal", "file?.bin", "[ab].tmp"));

  @ParameterizedTest
  @CsvSource({
      "data, true, true",
      "data, false, false",
      "sub/data, true, true",
      "model.ckpt, false, true",
      "runs/a/model.ckpt, false, true",
      "keep.ckpt, false, false",
      "top.txt, false, true",
      "sub/top.txt, false, false",
      "logs/a/b/x.log, false, true",
      "logs/x.log, false, true",
      "other/logs/x.log, false, false",
      "build/a.o, false, true",
      "build/sub/a.o, false, false",
      "#literal, false, true",
      "file1.bin, false, true",
      "file10.bin, false, false",
      "a.tmp, false, true",
      "c.tmp, false, false",
      ".git, true, true",
      "pkg/__pycache__, true, true",
      "pkg/mod.pyc, false, true",
      "train.py, false, false",
  })
  void matchesLikeGitignore(String path, boolean directory, boolean ignored) {
    assertEquals(ignored, RULES.ignored(path, directory), path);
  }
}
