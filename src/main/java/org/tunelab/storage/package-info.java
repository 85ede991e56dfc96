/**
 * The trial store: the {@link org.tunelab.storage.Storage} contract, an in-memory store, and
 * {@link org.tunelab.storage.Storages}, which opens a store from a URL. The SQLite store in Optuna's
 * schema lives in {@code storage.jdbc}, the only package that touches {@code java.sql}. Depends on
 * {@code trial}, {@code space} and {@code json}.
 */
package org.tunelab.storage;
