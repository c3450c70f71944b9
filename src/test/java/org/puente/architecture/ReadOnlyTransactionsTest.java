package org.puente.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.transaction.Transactional;
import java.util.regex.Pattern;

/**
 * Read-only service methods run without a transaction (STYLE.md): in a service whose methods are
 * transactional, a public method named as a reading ({@code find…}, {@code list…}, {@code count…},
 * {@code is…}, {@code has…}, …) declares {@code TxType.SUPPORTS}, so a page that only reads opens no JTA
 * transaction for nothing. The names are the heuristic; a method that reads under another name is the
 * reviewer's to catch.
 */
@AnalyzeClasses(packages = "org.puente", importOptions = ImportOption.DoNotIncludeTests.class)
class ReadOnlyTransactionsTest {

    private static final Pattern READING = Pattern.compile(
            "(is|has)[A-Z].*|(find|list|count|pending|history|search|exportBatch|confirmed|heldCounts|hourly|logo|idsWith|"
                    + "editorsOf|cosponsorOptions|image|organizationsFor|callerSees|sender|forEditing|invitee|default).*");

    private static final DescribedPredicate<JavaMethod> READ_ONLY_SERVICE_METHOD = DescribedPredicate.describe(
            "public reading methods of transactional services",
            method -> method.getModifiers().contains(JavaModifier.PUBLIC)
                    && !method.getModifiers().contains(JavaModifier.STATIC)
                    && method.getOwner().isAnnotatedWith(Transactional.class)
                    && READING.matcher(method.getName()).matches());

    private static final ArchCondition<JavaMethod> RUN_WITHOUT_A_TRANSACTION =
            new ArchCondition<>("declare @Transactional(TxType.SUPPORTS)") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean supports = method.tryGetAnnotationOfType(Transactional.class)
                            .map(t -> t.value() == Transactional.TxType.SUPPORTS
                                    || t.value() == Transactional.TxType.NOT_SUPPORTED)
                            .orElse(false);
                    if (!supports) {
                        events.add(SimpleConditionEvent.violated(
                                method, method.getFullName() + " reads only but opens a transaction"));
                    }
                }
            };

    @ArchTest
    static final ArchRule READ_ONLY_METHODS_OPEN_NO_TRANSACTION =
            methods().that(READ_ONLY_SERVICE_METHOD).should(RUN_WITHOUT_A_TRANSACTION);
}
