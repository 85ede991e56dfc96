package org.tunelab.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * The command line's logging: warnings to stderr as one short line each; with {@code --debug},
 * everything TuneLab logs, with logger names. Configured in code so that no logback file on the class
 * path changes what a script sees.
 */
final class CliLogging {
  private CliLogging() {}

  static void configure(boolean debug) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return;
    context.reset();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(debug ? "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n" : "tunelab: %level: %msg%n");
    encoder.start();
    ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    appender.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(appender);
    root.setLevel(debug ? Level.INFO : Level.WARN);
    context.getLogger("org.tunelab").setLevel(debug ? Level.DEBUG : Level.WARN);
    // MINA SSHD warns about what TuneLab handles and explains itself (a missing SFTP subsystem, a
    // channel closed by a dropped link); its own words only with --debug.
    context.getLogger("org.apache.sshd").setLevel(debug ? Level.INFO : Level.ERROR);
  }
}
