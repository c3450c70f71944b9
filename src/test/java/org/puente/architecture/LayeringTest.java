package org.puente.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The platform serves every feature and depends on none: where it needs something of one (the sender of
 * mail, which pages are stateless), it declares an interface and the feature implements it. Only the
 * bootstrap, which creates the first admin and the demo data, may reach into features. Features may build
 * on one another, but never in a circle: a change to one must not ripple back into itself.
 */
@AnalyzeClasses(packages = "org.puente", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    static final String[] FEATURES = {
        "org.puente.account..",
        "org.puente.organization..",
        "org.puente.petition..",
        "org.puente.supporter..",
        "org.puente.alert..",
        "org.puente.event..",
        "org.puente.statement..",
        "org.puente.partner.."
    };

    @ArchTest
    static final ArchRule PLATFORM_DEPENDS_ON_NO_FEATURE = noClasses()
            .that()
            .resideInAPackage("org.puente.platform..")
            .and()
            .resideOutsideOfPackage("org.puente.platform.bootstrap..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FEATURES)
            .because("features build on the platform, never the other way round");

    /**
     * Each top-level package is a slice (account, organization, petition, …, platform); no two may depend on
     * each other, directly or through others. The bootstrap's seeding of features is the platform's one
     * allowed dependency on them (see above), so it does not count as the platform closing a circle.
     */
    @ArchTest
    static final ArchRule FEATURES_FORM_NO_CYCLES = slices().matching("org.puente.(*)..")
            .namingSlices("$1")
            .should()
            .beFreeOfCycles()
            .ignoreDependency(resideInAPackage("org.puente.platform.bootstrap.."), alwaysTrue())
            .because("a feature that depends on another must not be depended on by it: "
                    + "the owner of a rule or a table is asked, it never asks back");
}
