package org.tunelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LaunchOptionsTest {

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of(List.of(), new LaunchOptions(Optional.empty(), false)),
        Arguments.of(List.of("--demo"), new LaunchOptions(Optional.empty(), true)),
        Arguments.of(List.of("app"), new LaunchOptions(Optional.empty(), false)),
        Arguments.of(List.of("app", "--demo"), new LaunchOptions(Optional.empty(), true)),
        Arguments.of(List.of("studies.db"), new LaunchOptions(Optional.of("studies.db"), false)),
        Arguments.of(List.of("app", "sqlite:///x.db"), new LaunchOptions(Optional.of("sqlite:///x.db"), false)));
  }

  @ParameterizedTest
  @MethodSource("valid")
  void parsesTheAppCommandLine(List<String> args, LaunchOptions expected) {
    assertEquals(expected, LaunchOptions.parse(args));
  }

  @ParameterizedTest
  @MethodSource("invalidArgs")
  void rejectsWhatItDoesNotUnderstandWithTheUsage(List<String> args) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(args));
    assertTrue(e.getMessage().endsWith(LaunchOptions.USAGE), e.getMessage());
  }

  static Stream<List<String>> invalidArgs() {
    return Stream.of(List.of("--colour"), List.of("a.db", "b.db"));
  }
}
