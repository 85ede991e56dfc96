package org.tunelab.run.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shipping the code to a real sshd: ignore file, only changed files, size limits. */
class CodeSyncTest {
  @TempDir static Path dir;
  static LocalSshd sshd;

  @BeforeAll
  static void startSshd() throws Exception {
    sshd = LocalSshd.start(dir);
  }

  @AfterAll
  static void stopSshd() throws Exception {
    if (sshd != null) sshd.close();
  }

  private static SshConnection connect() {
    return new SshConnection(sshd.target(), LocalSshd.testOptions(dir));
  }

  @Test
  void shipsWhatIsNotIgnoredAndLaterOnlyWhatChanged() throws Exception {
    Path code = Files.createDirectories(dir.resolve("code1"));
    Files.writeString(code.resolve("train.py"), "print(1)\n");
    Files.createDirectories(code.resolve("pkg/__pycache__"));
    Files.writeString(code.resolve("pkg/model.py"), "x = 1\n");
    Files.writeString(code.resolve("pkg/__pycache__/model.pyc"), "junk");
    Files.createDirectories(code.resolve("data"));
    Files.writeString(code.resolve("data/big.bin"), "0".repeat(1000));
    Files.writeString(code.resolve("run.sh"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(code.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(code.resolve(IgnoreRules.FILE_NAME), "data/\n");
    String remote = dir.resolve("remote1").toString();
    try (SshConnection c = connect()) {
      CodeSync.Result first = CodeSync.sync(c, code, remote, CodeSync.Limits.defaults());
      assertEquals(4, first.uploaded(), "train.py, pkg/model.py, run.sh, .tunelabignore");
      assertEquals("x = 1\n", Files.readString(Path.of(remote, "pkg/model.py")));
      assertFalse(Files.exists(Path.of(remote, "data")));
      assertFalse(Files.exists(Path.of(remote, "pkg/__pycache__")));
      assertTrue(Files.isExecutable(Path.of(remote, "run.sh")));

      assertEquals(0, CodeSync.sync(c, code, remote, CodeSync.Limits.defaults()).uploaded(), "nothing changed");

      Files.writeString(code.resolve("pkg/model.py"), "x = 2\n");
      Files.setLastModifiedTime(code.resolve("pkg/model.py"), FileTime.from(Instant.now().plusSeconds(5)));
      CodeSync.Result third = CodeSync.sync(c, code, remote, CodeSync.Limits.defaults());
      assertEquals(1, third.uploaded());
      assertEquals("x = 2\n", Files.readString(Path.of(remote, "pkg/model.py")));
    }
  }

  @Test
  void copiesWithoutSftpWhenTheHostHasNone(@TempDir Path other) throws Exception {
    Path code = Files.createDirectories(dir.resolve("code3"));
    Files.writeString(code.resolve("train.py"), "print('it''s')\n");
    try (LocalSshd bare = LocalSshd.start(other, false);
        SshConnection c = new SshConnection(bare.target(), LocalSshd.testOptions(dir))) {
      String remote = other.resolve("remote3").toString();
      assertEquals(1, CodeSync.sync(c, code, remote, CodeSync.Limits.defaults()).uploaded());
      assertEquals("print('it''s')\n", Files.readString(Path.of(remote, "train.py")));
      assertEquals(0, CodeSync.sync(c, code, remote, CodeSync.Limits.defaults()).uploaded(), "the time was kept");
    }
  }

  @Test
  void refusesCodeOverTheLimitsAndNamesTheBiggestFiles() throws Exception {
    Path code = Files.createDirectories(dir.resolve("code2"));
    Files.writeString(code.resolve("weights.pt"), "0".repeat(5000));
    Files.writeString(code.resolve("train.py"), "print(1)\n");
    try (SshConnection c = connect()) {
      SshException perFile = assertThrows(SshException.class,
          () -> CodeSync.sync(c, code, dir.resolve("remote2").toString(), new CodeSync.Limits(1000, 1_000_000)));
      assertEquals(SshException.Kind.SYNC_LIMIT, perFile.kind());
      assertTrue(perFile.getMessage().contains("weights.pt is 4.9 KB, over the limit of 1000 B per file")
          && perFile.getMessage().contains(IgnoreRules.FILE_NAME), perFile.getMessage());
      SshException total = assertThrows(SshException.class,
          () -> CodeSync.sync(c, code, dir.resolve("remote2").toString(), new CodeSync.Limits(1_000_000, 2000)));
      assertTrue(total.getMessage().contains("the biggest: weights.pt (4.9 KB), train.py (9 B)"), total.getMessage());
      assertFalse(Files.exists(dir.resolve("remote2/train.py")), "nothing is sent when a limit is broken");
    }
  }
}
