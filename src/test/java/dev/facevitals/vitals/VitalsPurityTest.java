package dev.facevitals.vitals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The numeric package stays plain Java: no framework, no native library, nothing but the JDK. */
class VitalsPurityTest {

    @Test
    void vitalsDependsOnTheJdkOnly() {
        JavaClasses vitals = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.facevitals.vitals");
        classes().that().resideInAPackage("dev.facevitals.vitals..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.facevitals.vitals..", "java..")
                .check(vitals);
    }
}
