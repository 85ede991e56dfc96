package org.tunelab.run.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.config.hosts.ConfigFileHostEntryResolver;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;

/**
 * A target with its {@code ~/.ssh/config} entry applied: what the spec says wins, then the config
 * ({@code HostName}, {@code Port}, {@code User}, {@code IdentityFile}, {@code ProxyJump}), then
 * OpenSSH's defaults.
 *
 * @param keys the key files to offer, in order (the spec's key alone when it names one)
 */
record ResolvedHost(String alias, String hostName, int port, String user, List<Path> keys, String jump,
    Path knownHosts) {
  private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

  static ResolvedHost resolve(SshTarget target, SshOptions options) {
    HostConfigEntry entry = null;
    HostConfigEntryResolver resolver = resolver(options.sshConfig());
    try {
      entry = resolver.resolveEffectiveHost(target.host(), target.port() == null ? 0 : target.port(), null,
          target.user(), target.jump(), null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + options.sshConfig() + ": " + e.getMessage(), e);
    }
    String hostName = entry != null && entry.getHostName() != null ? entry.getHostName() : target.host();
    int port = target.port() != null ? target.port() : entry != null && entry.getPort() > 0 ? entry.getPort() : 22;
    String user = target.user() != null ? target.user()
        : entry != null && entry.getUsername() != null ? entry.getUsername() : System.getProperty("user.name");
    String jump = target.jump() != null ? target.jump() : entry != null ? blankToNull(entry.getProxyJump()) : null;
    List<Path> keys = new ArrayList<>();
    if (target.key() != null) {
      keys.add(target.key());
    } else {
      if (entry != null && entry.getIdentities() != null) {
        for (String id : entry.getIdentities()) keys.add(SshOptions.expandHome(id));
      }
      for (String name : DEFAULT_KEYS) keys.add(SshOptions.userHome().resolve(".ssh").resolve(name));
    }
    Path knownHosts = target.knownHosts() != null ? target.knownHosts()
        : SshOptions.userHome().resolve(".ssh").resolve("known_hosts");
    return new ResolvedHost(target.host(), hostName, port, user, List.copyOf(keys), jump, knownHosts);
  }

  /** Aliases of jump hosts resolve through the same file. */
  static HostConfigEntryResolver resolver(Path sshConfig) {
    return Files.isRegularFile(sshConfig) ? new ConfigFileHostEntryResolver(sshConfig) : HostConfigEntryResolver.EMPTY;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() || s.equalsIgnoreCase("none") ? null : s;
  }

  /** {@code user@host:port}, with the alias and the jump host when there are any. */
  String label() {
    String base = user + "@" + hostName + ":" + port;
    if (!alias.equals(hostName)) base = alias + " (" + base + ")";
    return jump == null ? base : base + " via " + jump;
  }
}
