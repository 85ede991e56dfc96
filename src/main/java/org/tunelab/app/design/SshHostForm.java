package org.tunelab.app.design;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One SSH host of the "where to run" form, as typed ({@code port}, {@code slots} and {@code gpus}
 * are text). Keys the form has no field for ({@code env}, {@code gpus_per_trial}, size limits) are
 * kept in {@code extra} so a spec opened and saved again keeps them.
 *
 * @param extra the entry's other keys with their values as read
 */
public record SshHostForm(String host, String port, String user, String key, String knownHosts, String workdir,
    String setup, String slots, String gpus, String jump, Map<String, Object> extra) {
  /** The keys with a field, in the order they are written. */
  static final List<String> FIELDS = List.of("host", "port", "user", "key", "known_hosts", "workdir", "setup",
      "slots", "gpus", "jump");

  public SshHostForm {
    extra = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  /** A host with just a name; everything else default. */
  public static SshHostForm of(String host) {
    return new SshHostForm(host, "", "", "", "", "", "", "", "", "", Map.of());
  }

  /** {@code user@host:port}, for the hosts table. */
  public String label() {
    return (user.isBlank() ? "" : user + "@") + host + (port.isBlank() ? "" : ":" + port);
  }
}
