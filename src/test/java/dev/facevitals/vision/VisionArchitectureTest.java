package dev.facevitals.vision;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Native and framework types stay in the OpenCV adapter package; the rest of vision is plain Java. */
class VisionArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.facevitals.vision");

    @Test
    void pureVisionUsesNoNativeOrFrameworkTypes() {
        noClasses().that().resideInAPackage("dev.facevitals.vision")
                .should().dependOnClassesThat().resideInAnyPackage("org.bytedeco..", "io.quarkus..", "jakarta..",
                        "io.smallrye..", "org.eclipse.microprofile..")
                .check(classes);
    }

    @Test
    void adapterTypesDoNotLeakNativeTypesThroughPublicSignatures() {
        noClasses().that().resideInAPackage("dev.facevitals.vision.opencv").and().arePublic()
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..")
                .check(classes);
    }
}
