package dev.facevitals;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The package rules of docs/architecture.md, checked on the compiled main classes. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.facevitals");

    @Test
    void vitalsIsPureJava() {
        classes().that().resideInAPackage("dev.facevitals.vitals..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.facevitals.vitals..", "java..")
                .check(MAIN);
    }

    @Test
    void visionOutsideItsOpenCvAdaptersIsPureJava() {
        noClasses().that().resideInAPackage("dev.facevitals.vision..")
                .and().resideOutsideOfPackage("dev.facevitals.vision.opencv..")
                .should().dependOnClassesThat().resideInAnyPackage("org.bytedeco..", "io.quarkus..", "jakarta..",
                        "io.smallrye..", "io.vertx..", "org.jboss..")
                .check(MAIN);
    }

    @Test
    void nativeObjectsStayInVideoAndTheOpenCvAdapters() {
        noClasses().that().resideOutsideOfPackages("dev.facevitals.video..", "dev.facevitals.vision.opencv..")
                .should().dependOnClassesThat().resideInAPackage("org.bytedeco..")
                .check(MAIN);
    }

    @Test
    void videoDoesNotReachIntoTheService() {
        noClasses().that().resideInAPackage("dev.facevitals.video..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "io.smallrye..",
                        "dev.facevitals.scan..", "dev.facevitals.auth..", "dev.facevitals.storage..")
                .check(MAIN);
    }
}
