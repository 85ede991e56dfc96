package org.tunelab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Hyperband's min_resource has no "auto" (only max_resource has): a spec saying so gets a line-numbered problem. */
class HyperbandSpecTest {
  @Test
  void minResourceAutoIsAProblemAtItsLine() {
    SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse("""
        name: x
        pruner: {type: hyperband, min_resource: auto}
        space: {x: {type: float, low: 0, high: 1}}
        objective: {builtin: sphere}
        """, null));
    assertEquals("<spec>:2: pruner.min_resource: must be an integer for hyperband (auto is only for max_resource)",
        e.getMessage());
  }
}
