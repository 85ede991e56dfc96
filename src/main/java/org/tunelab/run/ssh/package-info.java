/**
 * Trials on other machines over SSH: connections to the hosts of a spec's {@code type: ssh} executors
 * (with {@code ~/.ssh/config} aliases, jump hosts, {@code known_hosts} verification, keys, passphrases
 * and the agent), the objective's code synchronised to each host, and each trial run detached on the
 * host (own process group, remote log, pid and exit files) so that a dropped connection does not kill
 * it: TuneLab reconnects with backoff and follows the log from where it left off. The only package
 * that touches the SSH library (Apache MINA SSHD). Depends on {@code run}, {@code study}, {@code json}.
 */
package org.tunelab.run.ssh;
