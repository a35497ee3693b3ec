package dev.facevitals.vision;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Native and framework types stay in the OpenCV adapter package, and do not leak out of it. */
class VisionArchitectureTest {

    private static final String OPENCV = "dev.facevitals.vision.opencv";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.facevitals.vision");

    @Test
    void pureVisionUsesNoNativeOrFrameworkTypes() {
        noClasses().that().resideInAPackage("dev.facevitals.vision")
                .should().dependOnClassesThat().resideInAnyPackage("org.bytedeco..", "io.quarkus..", "jakarta..",
                        "io.smallrye..", "org.eclipse.microprofile..")
                .check(classes);
        // the same rule does see native types where they live, so it is not passing on an empty import
        assertThatThrownBy(() -> noClasses().that().resideInAPackage(OPENCV)
                .should().dependOnClassesThat().resideInAnyPackage("org.bytedeco..").check(classes))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void adapterPublicSignaturesShowNoNativeTypes() {
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (JavaClass c : classes) {
            if (!c.getPackageName().equals(OPENCV) || !c.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            for (JavaCodeUnit m : c.getCodeUnits()) {
                if (!m.getModifiers().contains(JavaModifier.PUBLIC)) {
                    continue;
                }
                checked++;
                List<JavaClass> types = new ArrayList<>(m.getRawParameterTypes());
                types.add(m.getRawReturnType());
                for (JavaClass t : types) {
                    if (t.getPackageName().startsWith("org.bytedeco")) {
                        leaks.add(m.getFullName());
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(10);
        assertThat(leaks).isEmpty();
        noClasses().that().resideInAPackage(OPENCV)
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..")
                .check(classes);
    }
}
