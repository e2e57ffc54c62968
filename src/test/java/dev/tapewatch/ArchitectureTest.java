package dev.tapewatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.tapewatch.ui.common.FeatureApi;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code: dependencies point one way, only the UI knows JavaFX, views bind to view models. The UI
 * is a package per feature ({@code ui.chart}, {@code ui.watchlist}, ...) beside {@code ui.common} (what every
 * feature may use) and {@code ui} itself, the main window's composition, which alone sees every feature.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.tapewatch");
    private static final String[] BELOW_APP = {"dev.tapewatch.market..", "dev.tapewatch.feed..",
            "dev.tapewatch.detect..", "dev.tapewatch.store..", "dev.tapewatch.sim..", "dev.tapewatch.serve..",
            "dev.tapewatch.export..", "dev.tapewatch.alert..", "dev.tapewatch.movers..", "dev.tapewatch.lake..",
            "dev.tapewatch.study..", "dev.tapewatch.provider.."};
    /** The contract every provider implements; each provider is a package of its own below it. */
    private static final String PROVIDER = "dev.tapewatch.provider";
    /** The one class that names providers. */
    private static final String REGISTRY = "dev.tapewatch.app.Providers";

    private static final String UI = "dev.tapewatch.ui";
    private static final String UI_FEATURES = "dev.tapewatch.ui.*..";
    private static final String COMMON = "common";

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
                        "dev.tapewatch.serve..", "dev.tapewatch.store..", "dev.tapewatch.detect..",
                        "dev.tapewatch.export..", "dev.tapewatch.provider..", "dev.tapewatch.app..",
                        "dev.tapewatch.cli..", "dev.tapewatch.ui..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("dev.tapewatch.store..", "dev.tapewatch.detect..",
                        "dev.tapewatch.feed..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tapewatch.sim..", "dev.tapewatch.serve..",
                        "dev.tapewatch.export..", "dev.tapewatch.provider..", "dev.tapewatch.app..",
                        "dev.tapewatch.cli..", "dev.tapewatch.ui..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("dev.tapewatch.sim..", "dev.tapewatch.serve..",
                        "dev.tapewatch.export..", "dev.tapewatch.alert..", "dev.tapewatch.lake..",
                        "dev.tapewatch.study..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tapewatch.provider..", "dev.tapewatch.app..",
                        "dev.tapewatch.cli..", "dev.tapewatch.ui..")
                .check(CLASSES);
        // the providers sit between the core they use (feed, sim, serve, store) and the app that runs them
        noClasses().that().resideInAPackage("dev.tapewatch.provider..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tapewatch.app..", "dev.tapewatch.cli..",
                        "dev.tapewatch.ui..", "dev.tapewatch.movers..", "dev.tapewatch.alert..")
                .check(CLASSES);
        // the simulated market knows nothing of serving it; the server sits above it and below the exports
        noClasses().that().resideInAnyPackage("dev.tapewatch.sim..", "dev.tapewatch.alert..")
                .should().dependOnClassesThat().resideInAPackage("dev.tapewatch.serve..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dev.tapewatch.serve..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tapewatch.export..", "dev.tapewatch.lake..",
                        "dev.tapewatch.study..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dev.tapewatch.app..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tapewatch.cli..", "dev.tapewatch.ui..")
                .check(CLASSES);
        // the movers engine is core: bars in, movers out, whatever feeds it and whoever shows it
        noClasses().that().resideInAPackage("dev.tapewatch.movers..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tapewatch.feed..", "dev.tapewatch.store..",
                        "dev.tapewatch.sim..", "dev.tapewatch.serve..", "dev.tapewatch.export..",
                        "dev.tapewatch.alert..", "dev.tapewatch.app..", "dev.tapewatch.cli..", "dev.tapewatch.ui..")
                .check(CLASSES);
    }

    @Test
    void viewModelsNeverTouchControls() {
        classes().that().resideInAPackage("dev.tapewatch.ui..").and().haveSimpleNameEndingWith("ViewModel")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene..", "io.fair_acc..",
                        "atlantafx..")
                .check(CLASSES);
    }

    @Test
    void viewsReachTheAppOnlyThroughViewModels() {
        noClasses().that().resideInAPackage("dev.tapewatch.ui..").and().areAssignableTo(javafx.scene.Node.class)
                .should().dependOnClassesThat().resideInAnyPackage("dev.tapewatch.app..", "dev.tapewatch.feed..",
                        "dev.tapewatch.sim..", "dev.tapewatch.serve..", "dev.tapewatch.export..",
                        "dev.tapewatch.provider..", "dev.tapewatch.cli..")
                .check(CLASSES);
    }

    /**
     * Adding a provider is one package plus its entry in the registry: a provider's package is used only by the
     * registry, never by the contract or another provider, and no one else reads the registry's providers by name
     * (callers ask the chosen provider instead of branching on one).
     */
    @Test
    void providersAreNamedOnlyByTheRegistry() {
        classes().should(new ArchCondition<JavaClass>("use a provider's own package only from inside it or from "
                + REGISTRY) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = packageBelow(PROVIDER, item);
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    String theirs = packageBelow(PROVIDER, dependency.getTargetClass().getBaseComponentType());
                    if (theirs != null && !theirs.equals(own) && !item.getName().equals(REGISTRY)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        }).check(CLASSES);
        noClasses().that().doNotHaveFullyQualifiedName(REGISTRY)
                .should().accessFieldWhere(DescribedPredicate.describe("a provider of " + REGISTRY,
                        access -> access.getTargetOwner().getName().equals(REGISTRY)))
                .check(CLASSES);
    }

    /** Only the main window's composition ({@code ui} itself) puts features together; no feature reaches back to it. */
    @Test
    void uiFeaturesNeverReachTheWindowsComposition() {
        noClasses().that().resideInAPackage(UI_FEATURES)
                .should().dependOnClassesThat().resideInAPackage(UI).check(CLASSES);
    }

    @Test
    void theCommonUiKnowsNoFeature() {
        noClasses().that().resideInAPackage(UI + "." + COMMON + "..")
                .should().dependOnClassesThat(DescribedPredicate.describe("are in a ui feature or the composition",
                        target -> target.getPackageName().startsWith(UI) && !COMMON.equals(feature(target))))
                .check(CLASSES);
    }

    /** A feature is used by others through its view models and the few types it marks {@link FeatureApi}. */
    @Test
    void uiFeaturesMeetOnlyThroughViewModelsAndFeatureApi() {
        classes().that().resideInAPackage(UI_FEATURES).should(new ArchCondition<JavaClass>(
                "use other ui features only through their view models and @FeatureApi types") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = feature(item);
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    String theirs = feature(target);
                    if (theirs != null && !theirs.equals(own) && !theirs.equals(COMMON) && !published(target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        }).check(CLASSES);
    }

    @Test
    void uiFeaturesFormNoCycles() {
        slices().matching(UI + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** "chart" for a class of {@code dev.tapewatch.ui.chart} or below; null outside the ui's feature packages. */
    private static String feature(JavaClass type) {
        return packageBelow(UI, type);
    }

    /** The first package below {@code parent} that holds {@code type}; null outside {@code parent}'s sub-packages. */
    private static String packageBelow(String parent, JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(parent + ".")) {
            return null;
        }
        String below = name.substring(parent.length() + 1);
        return below.contains(".") ? below.substring(0, below.indexOf('.')) : below;
    }

    private static boolean published(JavaClass type) {
        JavaClass outermost = type;
        while (outermost.getEnclosingClass().isPresent()) {
            outermost = outermost.getEnclosingClass().get();
        }
        return outermost.getSimpleName().endsWith("ViewModel") || outermost.isAnnotatedWith(FeatureApi.class);
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
