package org.tunelab.run.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships the objective's working directory to a host before its first trial: the files not ignored by
 * {@link IgnoreRules}, and of those only the ones whose size or modification time differ from the
 * host's copy (which gets the local modification time, so an unchanged file is never sent twice).
 * Files only on the host are left alone: trials may have written them. Files go over SFTP, or one
 * {@code cat} command each when the host's sshd has no SFTP subsystem.
 *
 * <p>Called on one thread per host; not thread-safe.
 */
final class CodeSync {
  private static final Logger LOG = LoggerFactory.getLogger(CodeSync.class);

  /** Limits on what is shipped: large data belongs on the host already, not in every run's upload. */
  record Limits(long maxFileBytes, long maxTotalBytes) {
    static Limits defaults() {
      return new Limits(50L << 20, 200L << 20);
    }
  }

  /** What a sync did. */
  record Result(int files, int uploaded, long uploadedBytes, Duration elapsed) {}

  record LocalFile(String path, Path file, long size, long mtimeSeconds, boolean executable) {}

  private CodeSync() {}

  /**
   * @param remoteDir an absolute directory on the host (created when missing)
   * @throws SshException {@link SshException.Kind#SYNC_LIMIT} naming the biggest files when a limit is
   *     broken (nothing is sent then); {@link SshException.Kind#UNREACHABLE} or {@code REMOTE} on transfer errors
   */
  static Result sync(SshConnection connection, Path localDir, String remoteDir, Limits limits) {
    long begin = System.nanoTime();
    List<LocalFile> files = scan(localDir);
    checkLimits(connection, localDir, files, limits);
    RemoteResult listing = connection.exec("mkdir -p " + RemoteScripts.quote(remoteDir) + " && cd "
        + RemoteScripts.quote(remoteDir) + " && find . -type f -printf '%P\\t%s\\t%T@\\n'", Duration.ofMinutes(2));
    if (!listing.ok()) {
      throw new SshException(SshException.Kind.REMOTE, connection.label() + ": cannot list " + remoteDir + ": " + listing.message());
    }
    Map<String, long[]> remote = new HashMap<>();
    for (String line : listing.stdout().split("\n")) {
      String[] f = line.split("\t");
      if (f.length == 3) remote.put(f[0], new long[] {Long.parseLong(f[1]), (long) Double.parseDouble(f[2])});
    }
    List<LocalFile> changed = new ArrayList<>();
    for (LocalFile f : files) {
      long[] r = remote.get(f.path());
      if (r == null || r[0] != f.size() || r[1] != f.mtimeSeconds()) changed.add(f);
    }
    long bytes = 0;
    if (!changed.isEmpty()) {
      TreeSet<String> dirs = new TreeSet<>();
      for (LocalFile f : changed) {
        int slash = f.path().lastIndexOf('/');
        if (slash > 0) dirs.add(f.path().substring(0, slash));
      }
      if (!dirs.isEmpty()) {
        StringBuilder mkdir = new StringBuilder("cd " + RemoteScripts.quote(remoteDir) + " && mkdir -p");
        for (String d : dirs) mkdir.append(' ').append(RemoteScripts.quote(d));
        RemoteResult made = connection.exec(mkdir.toString(), Duration.ofMinutes(1));
        if (!made.ok()) throw new SshException(SshException.Kind.REMOTE, connection.label() + ": cannot create directories in " + remoteDir + ": " + made.message());
      }
      bytes = upload(connection, remoteDir, changed);
    }
    Result result = new Result(files.size(), changed.size(), bytes, Duration.ofNanos(System.nanoTime() - begin));
    LOG.info("{}: code in {} synchronised to {}: {} files, {} sent ({} bytes) in {} ms", connection.label(), localDir,
        remoteDir, result.files(), result.uploaded(), result.uploadedBytes(), result.elapsed().toMillis());
    return result;
  }

  private static long upload(SshConnection connection, String remoteDir, List<LocalFile> changed) {
    SftpClient sftp;
    try {
      sftp = SftpClientFactory.instance().createSftpClient(connection.session());
    } catch (IOException e) {
      // Minimal hosts often run sshd without the SFTP subsystem; plain commands still work there.
      LOG.info("{}: no SFTP ({}); copying with cat instead", connection.label(), e.getMessage());
      return uploadWithCat(connection, remoteDir, changed);
    }
    long bytes = 0;
    try (sftp) {
      for (LocalFile f : changed) {
        String target = remoteDir + "/" + f.path();
        try (InputStream in = Files.newInputStream(f.file()); OutputStream out = sftp.write(target)) {
          bytes += in.transferTo(out);
        }
        SftpClient.Attributes attrs = new SftpClient.Attributes();
        attrs.modifyTime(FileTime.from(f.mtimeSeconds(), TimeUnit.SECONDS));
        attrs.accessTime(FileTime.from(f.mtimeSeconds(), TimeUnit.SECONDS));
        attrs.perms(f.executable() ? 0755 : 0644);
        sftp.setStat(target, attrs);
      }
    } catch (IOException e) {
      throw new SshException(SshException.Kind.UNREACHABLE, connection.label() + ": copying the code to " + remoteDir
          + " failed: " + e.getMessage(), e);
    }
    return bytes;
  }

  /** One command per file: slower than SFTP, for hosts without it. */
  private static long uploadWithCat(SshConnection connection, String remoteDir, List<LocalFile> changed) {
    long bytes = 0;
    for (LocalFile f : changed) {
      String target = RemoteScripts.quote(remoteDir + "/" + f.path());
      String tmp = RemoteScripts.quote(remoteDir + "/" + f.path() + ".tunelab-part");
      String command = "cat > " + tmp + " && chmod " + (f.executable() ? "755 " : "644 ") + tmp + " && touch -d @"
          + f.mtimeSeconds() + " " + tmp + " && mv " + tmp + " " + target;
      try (InputStream in = Files.newInputStream(f.file())) {
        RemoteResult r = connection.exec(command, in, Duration.ofMinutes(10));
        if (!r.ok()) {
          throw new SshException(SshException.Kind.REMOTE, connection.label() + ": cannot write " + remoteDir + "/"
              + f.path() + ": " + r.message());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + f.file() + ": " + e.getMessage(), e);
      }
      bytes += f.size();
    }
    return bytes;
  }

  /** The files to ship, sorted by path; symbolic links are followed to files inside or outside. */
  static List<LocalFile> scan(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new SshException(SshException.Kind.REMOTE, "the objective's workdir " + dir + " is not a directory");
    }
    try {
      IgnoreRules rules = IgnoreRules.of(dir);
      List<LocalFile> out = new ArrayList<>();
      walk(dir, dir, rules, out);
      out.sort(Comparator.comparing(LocalFile::path));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the code in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void walk(Path root, Path dir, IgnoreRules rules, List<LocalFile> out) throws IOException {
    List<Path> children;
    try (var stream = Files.list(dir)) {
      children = stream.sorted().toList();
    }
    for (Path child : children) {
      String rel = root.relativize(child).toString().replace('\\', '/');
      boolean isDir = Files.isDirectory(child);
      if (rules.ignored(rel, isDir)) continue;
      if (isDir) {
        walk(root, child, rules, out);
      } else if (Files.isRegularFile(child)) {
        boolean exec = false;
        try {
          exec = Files.getPosixFilePermissions(child).contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (UnsupportedOperationException notPosix) {
          exec = Files.isExecutable(child);
        }
        out.add(new LocalFile(rel, child, Files.size(child),
            Files.getLastModifiedTime(child, new LinkOption[0]).to(TimeUnit.SECONDS), exec));
      }
    }
  }

  private static void checkLimits(SshConnection connection, Path dir, List<LocalFile> files, Limits limits) {
    String problem = limitProblem(dir, files, limits);
    if (problem != null) {
      throw new SshException(SshException.Kind.SYNC_LIMIT, "not shipping the code to " + connection.label() + ": " + problem);
    }
  }

  /** What is over the limits (every file over the per-file limit, or the total), with the fix; {@code null} when nothing is. */
  static String limitProblem(Path dir, List<LocalFile> files, Limits limits) {
    long total = files.stream().mapToLong(LocalFile::size).sum();
    List<LocalFile> biggest = new ArrayList<>(files);
    biggest.sort(Comparator.comparingLong(LocalFile::size).reversed());
    String fix = "; list what should stay local in " + dir.resolve(IgnoreRules.FILE_NAME)
        + " (gitignore syntax, e.g. data/ or *.ckpt) and put large data on the host yourself";
    List<LocalFile> over = biggest.stream().filter(f -> f.size() > limits.maxFileBytes()).toList();
    if (!over.isEmpty()) {
      StringBuilder names = new StringBuilder();
      for (LocalFile f : over.subList(0, Math.min(10, over.size()))) {
        names.append(names.length() == 0 ? "" : ", ").append(f.path()).append(" is ").append(size(f.size()));
      }
      if (over.size() > 10) names.append(" and ").append(over.size() - 10).append(" more");
      return names + ", over the limit of " + size(limits.maxFileBytes()) + " per file" + fix;
    }
    if (total > limits.maxTotalBytes()) {
      StringBuilder top = new StringBuilder();
      for (LocalFile f : biggest.subList(0, Math.min(5, biggest.size()))) {
        top.append(top.length() == 0 ? "" : ", ").append(f.path()).append(" (").append(size(f.size())).append(')');
      }
      return dir + " holds " + size(total) + " in " + files.size() + " files, over the limit of " + size(limits.maxTotalBytes())
          + "; the biggest: " + top + fix;
    }
    return null;
  }

  private static String size(long bytes) {
    if (bytes < 1024) return bytes + " B";
    if (bytes < 1 << 20) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1 << 20));
  }
}
