package org.tunelab.run.ssh;

import java.nio.file.Path;

/**
 * Where the passphrase of an encrypted private key comes from: a console prompt in the CLI, a dialog
 * in the app, an environment variable in a test. Passphrases are only held in memory, never written
 * anywhere.
 *
 * <p>Called on the thread that connects (a trial's worker, or {@code hosts check}), at most a few
 * times per key and run: a key decrypted once stays in memory for the run.
 *
 * <pre>{@code
 * SshOptions options = SshOptions.defaults()
 *     .withPassphrases(PassphraseSource.environment("MY_KEY_PASSPHRASE").orElse(PassphraseSource.none()));
 * }</pre>
 */
@FunctionalInterface
public interface PassphraseSource {
  /**
   * @param key the encrypted key file
   * @param attempt 0 for the first ask, then 1, 2 after a wrong passphrase
   * @return the passphrase, or {@code null} to give up on this key
   */
  char[] passphrase(Path key, int attempt);

  /** Never has a passphrase: encrypted keys are skipped with a message. */
  static PassphraseSource none() {
    return (key, attempt) -> null;
  }

  /**
   * The value of an environment variable, tried once per key (a wrong one is not asked again).
   * Handy for unattended runs with an encrypted key and no agent: {@code TUNELAB_SSH_PASSPHRASE}.
   */
  static PassphraseSource environment(String variable) {
    return (key, attempt) -> {
      String value = System.getenv(variable);
      return attempt == 0 && value != null ? value.toCharArray() : null;
    };
  }

  /**
   * Asks on the terminal, without echo, when there is one ({@link java.io.Console}); gives up at once
   * without a terminal (a run in the background, CI).
   */
  static PassphraseSource console() {
    return (key, attempt) -> {
      java.io.Console console = System.console();
      if (console == null) return null;
      return console.readPassword(attempt == 0 ? "Passphrase for %s: " : "Wrong passphrase; again for %s: ", key);
    };
  }

  /** This source, and when it has nothing, {@code other}. */
  default PassphraseSource orElse(PassphraseSource other) {
    return (key, attempt) -> {
      char[] mine = passphrase(key, attempt);
      return mine != null ? mine : other.passphrase(key, attempt);
    };
  }
}
