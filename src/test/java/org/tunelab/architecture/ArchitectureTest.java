package org.tunelab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules of ../shared/ARCHITECTURE.md, each with the reason it exists. */
@AnalyzeClasses(packages = "org.tunelab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule uiToolkitsOnlyInApp = noClasses()
      .that().resideOutsideOfPackage("org.tunelab.app..")
      .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
      .because("the engine, the CLI and their tests run on machines without a display");

  @ArchTest
  static final ArchRule drawingOnlyInAppAndChart = noClasses()
      .that().resideOutsideOfPackages("org.tunelab.app..", "org.tunelab.chart..")
      .should().dependOnClassesThat().resideInAnyPackage("org.jfree..", "java.awt..", "javax.imageio..")
      .because("plots are computed in analysis and drawn only by chart, which the app and the headless"
          + " tunelab plot share (docs/adr/0002-chart-package.md)");

  @ArchTest
  static final ArchRule onlyTheFacesDraw = noClasses()
      .that().resideOutsideOfPackages("org.tunelab.app..", "org.tunelab.cli..", "org.tunelab.chart..")
      .should().dependOnClassesThat().resideInAPackage("org.tunelab.chart..")
      .because("the engine computes plot data as analysis records; only the app and the command line draw");

  @ArchTest
  static final ArchRule nothingImportsTheApp = noClasses()
      .that().resideOutsideOfPackages("org.tunelab.app..", "org.tunelab.launcher..")
      .should().dependOnClassesThat().resideInAPackage("org.tunelab.app..")
      .because("the app is one face of the engine; only the launcher, which picks a face, may need it");

  @ArchTest
  static final ArchRule nothingImportsTheCli = noClasses()
      .that().resideOutsideOfPackages("org.tunelab.cli..", "org.tunelab.launcher..")
      .should().dependOnClassesThat().resideInAPackage("org.tunelab.cli..")
      .because("the command line is one face of the engine; only the launcher, which picks a face, may need it");

  @ArchTest
  static final ArchRule nothingImportsTheLauncher = noClasses()
      .that().resideOutsideOfPackage("org.tunelab.launcher..")
      .should().dependOnClassesThat().resideInAPackage("org.tunelab.launcher..")
      .because("the launcher sits above both faces");

  @ArchTest
  static final ArchRule sqlOnlyInJdbcStorage = noClasses()
      .that().resideOutsideOfPackage("org.tunelab.storage.jdbc..")
      .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..")
      .because("only storage.jdbc knows there is a database; everything else sees Storage");

  @ArchTest
  static final ArchRule sshLibraryOnlyInRunSsh = noClasses()
      .that().resideOutsideOfPackage("org.tunelab.run.ssh..")
      .should().dependOnClassesThat().resideInAnyPackage("org.apache.sshd..", "net.i2p.crypto..")
      .because("only run.ssh knows which SSH library TuneLab uses; everything else sees SshTrialRunner and SshException");

  @ArchTest
  static final ArchRule processesOnlyInRun = noClasses()
      .that().resideOutsideOfPackage("org.tunelab.run..")
      .should().dependOnClassesThat().haveFullyQualifiedName(ProcessBuilder.class.getName())
      .because("trial execution owns every process TuneLab starts");

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("org.tunelab.(*)..")
      .should().beFreeOfCycles()
      .because("packages that need each other are one package in disguise");
}
