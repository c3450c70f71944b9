package org.puente.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The platform serves every feature and depends on none: where it needs something of one (the sender of
 * mail, which pages are stateless), it declares an interface and the feature implements it. Only the
 * bootstrap, which creates the first admin and the demo data, may reach into features.
 */
@AnalyzeClasses(packages = "org.puente", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    static final String[] FEATURES = {"org.puente.account..", "org.puente.organization..", "org.puente.petition..",
        "org.puente.supporter..", "org.puente.alert..", "org.puente.partner.."};

    @ArchTest
    static final ArchRule PLATFORM_DEPENDS_ON_NO_FEATURE = noClasses()
            .that().resideInAPackage("org.puente.platform..")
            .and().resideOutsideOfPackage("org.puente.platform.bootstrap..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .because("features build on the platform, never the other way round");
}
