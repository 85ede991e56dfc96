package org.tunelab.storage;

/**
 * A parameter was given a distribution that conflicts with the one it has elsewhere in the study
 * (another kind, log flag or choices). Optuna refuses such studies, so TuneLab never writes them.
 */
public class IncompatibleDistributionException extends StorageException {
  public IncompatibleDistributionException(String message) {
    super(message);
  }
}
