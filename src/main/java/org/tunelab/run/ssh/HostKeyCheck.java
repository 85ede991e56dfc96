package org.tunelab.run.ssh;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Verifies a host's key against one known_hosts file, as OpenSSH does with
 * {@code StrictHostKeyChecking yes}: hashed entries, {@code [host]:port} entries and revocations
 * are honoured, an unknown key is refused unless the user asked to trust new hosts (then it is
 * appended to the file, like {@code accept-new}), and a changed key is always refused.
 *
 * <p>MINA calls it on its I/O threads during key exchange; why it refused is kept ({@link #refusal()})
 * so that the connecting thread can turn a failed handshake into a message that says how to fix it.
 * One instance per connection (MINA may report the failure before the session is handed out).
 */
final class HostKeyCheck extends KnownHostsServerKeyVerifier {
  /** Why the host key was refused last, and whether the key had changed (rather than being unknown). */
  record Refusal(String message, boolean changed) {}

  private volatile Refusal refusal;

  private final Path file;
  private final String hostLabel;
  private final int port;
  private final String hostName;

  /**
   * @param hostName the name or address connected to, for the {@code ssh-keyscan} hint
   * @param trustNew append an unknown key instead of refusing it
   */
  HostKeyCheck(Path file, String hostName, int port, boolean trustNew) {
    super(trustNew ? AcceptAllServerKeyVerifier.INSTANCE : RejectAllServerKeyVerifier.INSTANCE, file);
    this.file = file;
    this.hostName = hostName;
    this.port = port;
    this.hostLabel = hostName + (port == 22 ? "" : ":" + port);
  }

  /** The last refusal, or {@code null}. */
  Refusal refusal() {
    return refusal;
  }

  /** Forgets the last refusal, before a new connection attempt. */
  void clear() {
    refusal = null;
  }

  @Override
  protected boolean acceptUnknownHostKey(ClientSession session, SocketAddress remote, PublicKey key) {
    boolean accepted = super.acceptUnknownHostKey(session, remote, key);
    if (!accepted) {
      String entryName = port == 22 ? hostName : "[" + hostName + "]:" + port;
      refusal = new Refusal("the host key of " + hostLabel + " (" + KeyUtils.getKeyType(key) + " "
          + KeyUtils.getFingerPrint(key) + ") is not in " + file + "; check that fingerprint with the host's"
          + " administrator, then trust it with: ssh-keyscan -p " + port + " " + hostName + " >> " + file
          + " (or ssh -p " + port + " " + hostName + " once and answer yes; or tunelab hosts check --trust-new-host SPEC)."
          + " Entry name: " + entryName, false);
    }
    return accepted;
  }

  @Override
  public boolean acceptModifiedServerKey(ClientSession session, SocketAddress remote, KnownHostEntry entry,
      PublicKey expected, PublicKey actual) {
    // Never accepted, whatever the user asked: a changed key is what an attacker in the middle looks like.
    refusal = new Refusal("the host key of " + hostLabel + " CHANGED: " + file + " has "
        + KeyUtils.getKeyType(expected) + " " + KeyUtils.getFingerPrint(expected) + " but the host offered "
        + KeyUtils.getKeyType(actual) + " " + KeyUtils.getFingerPrint(actual) + ". This can be an attack;"
        + " if the host was reinstalled, remove the old entry with: ssh-keygen -R " + (port == 22 ? hostName
        : "'[" + hostName + "]:" + port + "'") + " -f " + file + " and trust the new key", true);
    return false;
  }

  @Override
  protected void handleRevokedKey(ClientSession session, SocketAddress remote, PublicKey key) {
    refusal = new Refusal("the host key of " + hostLabel + " (" + KeyUtils.getFingerPrint(key)
        + ") is marked @revoked in " + file, true);
  }
}
