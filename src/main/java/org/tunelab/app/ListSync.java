package org.tunelab.app;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.collections.ObservableList;

/**
 * Updates an observable list to new contents with as few changes as it can. A live study mostly
 * appends trials and finishes running ones, so replacing only changed rows and appending new ones
 * keeps the table's selection and scroll position, which {@code setAll} would reset.
 */
final class ListSync {
  private ListSync() {}

  /**
   * Makes {@code target} equal to {@code fresh}. When the items line up by key, changed items are
   * replaced in place and the rest appended or removed at the end; otherwise the list is replaced whole.
   */
  static <T, K> void update(ObservableList<T> target, List<T> fresh, Function<T, K> key) {
    int common = Math.min(target.size(), fresh.size());
    for (int i = 0; i < common; i++) {
      if (!Objects.equals(key.apply(target.get(i)), key.apply(fresh.get(i)))) {
        target.setAll(fresh);
        return;
      }
    }
    for (int i = 0; i < common; i++) {
      if (!target.get(i).equals(fresh.get(i))) target.set(i, fresh.get(i));
    }
    if (fresh.size() > common) {
      target.addAll(fresh.subList(common, fresh.size()));
    } else if (target.size() > common) {
      target.remove(common, target.size());
    }
  }
}
