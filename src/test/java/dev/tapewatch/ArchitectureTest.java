package dev.tapewatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layer rules of docs/design: dependencies point one way, and only the UI knows JavaFX. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.tapewatch");

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.tapewatch.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.fair_acc..", "atlantafx..")
                .check(CLASSES);
    }

    @Test
    void theCommandLineNeverReachesTheUi() {
        noClasses().that().resideInAPackage("dev.tapewatch.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.tapewatch.ui..").check(CLASSES);
    }

    @Test
    void theCoreDependsOnlyDownwards() {
        noClasses().that().resideInAPackage("dev.tapewatch.market..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tapewatch.feed..", "dev.tapewatch.sim..",
                        "dev.tapewatch.store..", "dev.tapewatch.detect..", "dev.tapewatch.export..",
                        "dev.tapewatch.app..", "dev.tapewatch.cli..", "dev.tapewatch.ui..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("dev.tapewatch.store..", "dev.tapewatch.detect..",
                        "dev.tapewatch.feed..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tapewatch.sim..", "dev.tapewatch.export..",
                        "dev.tapewatch.app..", "dev.tapewatch.cli..", "dev.tapewatch.ui..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("dev.tapewatch.sim..", "dev.tapewatch.export..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tapewatch.app..", "dev.tapewatch.cli..",
                        "dev.tapewatch.ui..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dev.tapewatch.app..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tapewatch.cli..", "dev.tapewatch.ui..")
                .check(CLASSES);
    }
}
