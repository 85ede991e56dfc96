package org.tunelab.run.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The private keys one host connection offers, loaded on first use and then kept in memory for the
 * run (so a passphrase is asked once per key, not once per reconnect). A key that cannot be read or
 * decrypted is skipped; why is kept for the authentication error message.
 *
 * <p>Thread-safe: MINA loads keys on its I/O threads while another reconnect may be starting.
 */
final class KeyFiles implements KeyIdentityProvider {
  private static final int PASSPHRASE_ATTEMPTS = 3;

  private final List<Path> files;
  private final PassphraseSource passphrases;
  private final Map<Path, List<KeyPair>> loaded = new ConcurrentHashMap<>();
  private final Map<Path, String> problems = new ConcurrentHashMap<>();

  /** @param files the keys to offer, in order; missing files are skipped silently (OpenSSH's defaults) */
  KeyFiles(List<Path> files, PassphraseSource passphrases) {
    this.files = List.copyOf(files);
    this.passphrases = passphrases;
  }

  List<Path> files() {
    return files;
  }

  /** Why keys were skipped, one phrase per key; empty when none was. */
  List<String> problems() {
    List<String> out = new ArrayList<>();
    problems.forEach((file, why) -> out.add(file + ": " + why));
    return out;
  }

  @Override
  public Iterable<KeyPair> loadKeys(SessionContext session) {
    List<KeyPair> out = new ArrayList<>();
    for (Path file : files) {
      if (!Files.isRegularFile(file)) continue;
      out.addAll(loaded.computeIfAbsent(file, f -> load(session, f)));
    }
    return out;
  }

  private List<KeyPair> load(SessionContext session, Path file) {
    boolean[] asked = {false};
    FilePasswordProvider asker = new FilePasswordProvider() {
      @Override
      public String getPassword(SessionContext s, NamedResource resource, int retryIndex) {
        asked[0] = true;
        char[] p = passphrases.passphrase(file, retryIndex);
        if (p == null) return null;
        // MINA wants a String; it lives only as long as this decryption.
        return new String(p);
      }

      @Override
      public ResourceDecodeResult handleDecodeAttemptResult(SessionContext s, NamedResource resource, int retryIndex,
          String password, Exception err) {
        if (err == null) return ResourceDecodeResult.TERMINATE;
        return retryIndex + 1 < PASSPHRASE_ATTEMPTS ? ResourceDecodeResult.RETRY : ResourceDecodeResult.TERMINATE;
      }
    };
    try (InputStream in = Files.newInputStream(file)) {
      Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(session, NamedResource.ofName(file.toString()), in, asker);
      List<KeyPair> out = new ArrayList<>();
      if (keys != null) keys.forEach(out::add);
      if (out.isEmpty()) problems.put(file, "encrypted and no passphrase was given (set TUNELAB_SSH_PASSPHRASE, run in a terminal, or use ssh-agent)");
      return out;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      // A decryption that fails after a passphrase was given is, in practice, always a wrong passphrase.
      problems.put(file, asked[0] ? "wrong passphrase (" + message + ")" : "cannot read it: " + message);
      return List.of();
    }
  }
}
