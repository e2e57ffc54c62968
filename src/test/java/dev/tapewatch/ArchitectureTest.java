package dev.tapewatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

/** The shape of the code: dependencies point one way, only the UI knows JavaFX, views bind to view models. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.tapewatch");
    private static final String[] BELOW_APP = {"dev.tapewatch.market..", "dev.tapewatch.feed..",
            "dev.tapewatch.detect..", "dev.tapewatch.store..", "dev.tapewatch.sim..", "dev.tapewatch.export..",
            "dev.tapewatch.alert.."};

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackages("dev.tapewatch.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.fair_acc..", "atlantafx..")
                .check(CLASSES);
    }

    @Test
    void theCommandLineNeverReachesTheUi() {
        noClasses().that().resideInAPackage("dev.tapewatch.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.tapewatch.ui..").check(CLASSES);
    }

    /** Benchmarks and developer tools live in the test tree; scripts/check-image.sh checks the jar and image too. */
    @Test
    void theProductHoldsNoBenchmarkOrDeveloperTool() {
        noClasses().should().resideInAPackage("dev.tapewatch.bench..").check(CLASSES);
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
        noClasses().that().resideInAnyPackage("dev.tapewatch.sim..", "dev.tapewatch.export..", "dev.tapewatch.alert..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tapewatch.app..", "dev.tapewatch.cli..",
                        "dev.tapewatch.ui..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dev.tapewatch.app..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tapewatch.cli..", "dev.tapewatch.ui..")
                .check(CLASSES);
    }

    @Test
    void viewModelsNeverTouchControls() {
        classes().that().resideInAPackage("dev.tapewatch.ui").and().haveSimpleNameEndingWith("ViewModel")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene..", "io.fair_acc..",
                        "atlantafx..")
                .check(CLASSES);
    }

    @Test
    void viewsReachTheAppOnlyThroughViewModels() {
        noClasses().that().resideInAPackage("dev.tapewatch.ui").and().areAssignableTo(javafx.scene.Node.class)
                .should().dependOnClassesThat().resideInAnyPackage("dev.tapewatch.app..", "dev.tapewatch.feed..",
                        "dev.tapewatch.sim..", "dev.tapewatch.export..", "dev.tapewatch.cli..")
                .check(CLASSES);
    }

    /** Threads are made by the app ({@code Threads.named}) and handed down; below it nothing makes its own. */
    @Test
    void nothingBelowTheAppMakesThreads() {
        noClasses().that().resideInAnyPackage(BELOW_APP)
                .should().callConstructorWhere(target(Thread.class))
                .orShould().callMethodWhere(executorWithoutFactory())
                .check(CLASSES);
    }

    private static DescribedPredicate<JavaCall<?>> target(Class<?> owner) {
        return DescribedPredicate.describe("a constructor of " + owner.getSimpleName(),
                call -> call.getTargetOwner().isAssignableTo(owner));
    }

    private static DescribedPredicate<JavaCall<?>> executorWithoutFactory() {
        return DescribedPredicate.describe("an Executors method without a ThreadFactory",
                call -> call.getTargetOwner().isEquivalentTo(Executors.class)
                        && call.getTarget().getRawParameterTypes().stream()
                                .noneMatch(type -> type.isEquivalentTo(ThreadFactory.class)));
    }
}
