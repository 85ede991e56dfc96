package org.tunelab.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app's side of ARCHITECTURE.md: UI libraries stay inside {@code app}, and within it view models
 * stay free of nodes so they can be tested without a toolkit.
 */
class AppBoundaryTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.tunelab");
  }

  @Test
  void uiToolkitsAreUsedOnlyInTheAppPackage() {
    noClasses().that().resideOutsideOfPackage("org.tunelab.app..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
        .because("the engine, the CLI and their tests run on machines without a display (ARCHITECTURE.md rule 1)")
        .check(classes);
  }

  @Test
  void chartingLibrariesAreUsedOnlyByTheAppAndTheChartPackage() {
    noClasses().that().resideOutsideOfPackages("org.tunelab.app..", "org.tunelab.chart..")
        .should().dependOnClassesThat().resideInAnyPackage("org.jfree..", "java.awt..")
        .because("chart draws analysis records with JFreeChart for the app and for the headless tunelab plot;"
            + " it never needs JavaFX (docs/adr/0002-chart-package.md)")
        .check(classes);
  }

  @Test
  void viewModelsNeverTouchNodes() {
    noClasses().that().haveSimpleNameEndingWith("ViewModel").or().haveSimpleName("DemoController")
        .or().haveSimpleName("StudyWatcher").or().haveSimpleName("CoalescingPublisher")
        .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..",
            "org.controlsfx..", "org.jfree..", "java.awt..")
        .because("view models hold state in properties and are unit-tested without a JavaFX toolkit")
        .check(classes);
  }

  @Test
  void nothingOutsideTheAppDependsOnIt() {
    noClasses().that().resideOutsideOfPackages("org.tunelab.app..", "org.tunelab.launcher..")
        .should().dependOnClassesThat().resideInAPackage("org.tunelab.app..")
        .because("the app is a face of the engine, not part of it (ARCHITECTURE.md rule 2)")
        .check(classes);
  }
}
