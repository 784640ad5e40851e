package org.chorus.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.Entity;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The rules that keep Chorus' modules the way STYLE.md describes them, checked by an {@code ArchitectureTest} in every
 * module over that module's main classes: {@code ChorusArchitecture.service("org.chorus.users").check()}.
 */
public final class ChorusArchitecture {

    /** The root package of every deployable part; none may reach into another's. */
    static final List<String> PARTS =
            List.of("login", "users", "content", "admin", "notifications", "messages", "gateway", "local");

    /** The shared libraries' root packages: they know no part. */
    static final List<String> PLATFORM =
            List.of("events", "web", "security", "outbox", "infra", "testing", "architecture");

    private final String root;
    private final List<ArchRule> rules;

    private ChorusArchitecture(String root, List<ArchRule> rules) {
        this.root = root;
        this.rules = rules;
    }

    /** The rules for a service or the gateway, e.g. {@code org.chorus.users}. */
    public static ChorusArchitecture service(String rootPackage) {
        String part = rootPackage.substring(rootPackage.lastIndexOf('.') + 1);
        String[] others = PARTS.stream()
                .filter(p -> !p.equals(part))
                .map(p -> "org.chorus." + p + "..")
                .toArray(String[]::new);
        return new ChorusArchitecture(
                rootPackage,
                List.of(
                        noClasses()
                                .should()
                                .dependOnClassesThat()
                                .resideInAnyPackage(others)
                                .because("a service meets the others only over HTTP and Kafka"),
                        entitiesNeverInRestSignatures(),
                        constructorInjectionOnly(),
                        configPropertyOnlyInConfig()));
    }

    /** The rules for a shared library, e.g. {@code org.chorus.web}. */
    public static ChorusArchitecture platform(String rootPackage) {
        String[] parts = PARTS.stream().map(p -> "org.chorus." + p + "..").toArray(String[]::new);
        return new ChorusArchitecture(
                rootPackage,
                List.of(
                        noClasses()
                                .should()
                                .dependOnClassesThat()
                                .resideInAnyPackage(parts)
                                .because("platform/ holds plumbing every part shares and knows none of them"),
                        noClasses()
                                .that()
                                .resideInAPackage("org.chorus.events..")
                                .should()
                                .dependOnClassesThat()
                                .resideInAPackage("jakarta.persistence..")
                                .allowEmptyShould(true)
                                .because("event contracts are records, never entities"),
                        constructorInjectionOnly(),
                        configPropertyOnlyInConfig()));
    }

    /**
     * Checks every rule over the module's main classes ({@code target/classes} of the module the test runs in, which is
     * much faster than scanning the class path for the package); throws naming every violation.
     */
    public void check() {
        Path mainClasses = Path.of("target", "classes");
        JavaClasses classes = new ClassFileImporter().importPath(mainClasses).that(resideIn(root));
        if (classes.isEmpty()) {
            throw new AssertionError("no main classes of " + root + " under " + mainClasses.toAbsolutePath());
        }
        check(classes);
    }

    /** Checks every rule over these classes and reports every violation of every rule at once. */
    public void check(JavaClasses classes) {
        String violations = rules.stream()
                .map(rule -> rule.evaluate(classes))
                .filter(result -> result.hasViolation())
                .map(result -> result.getFailureReport().toString())
                .reduce((a, b) -> a + "\n" + b)
                .orElse(null);
        if (violations != null) {
            throw new AssertionError(violations);
        }
    }

    private static DescribedPredicate<JavaClass> resideIn(String root) {
        return JavaClass.Predicates.resideInAPackage(root + "..");
    }

    /** The annotations that make a method an HTTP endpoint (by name: the rules read no class they need not). */
    private static final List<String> ENDPOINT_ANNOTATIONS =
            List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "Path").stream()
                    .map(name -> "jakarta.ws.rs." + name)
                    .toList();

    static ArchRule entitiesNeverInRestSignatures() {
        DescribedPredicate<JavaMethod> endpoint = DescribedPredicate.describe(
                "are HTTP endpoints",
                m -> m.getAnnotations().stream()
                        .anyMatch(a ->
                                ENDPOINT_ANNOTATIONS.contains(a.getRawType().getName())));
        return methods()
                .that(endpoint)
                .should(neitherTakeNorReturnAnEntity())
                .allowEmptyShould(true)
                .because("entities never cross HTTP: endpoints take and return records (a record may map from one)");
    }

    static ArchRule constructorInjectionOnly() {
        return noFields()
                .should()
                .beAnnotatedWith(Inject.class)
                .orShould()
                .beAnnotatedWith(ConfigProperty.class)
                .allowEmptyShould(true)
                .because("dependencies arrive through the constructor into final fields");
    }

    static ArchRule configPropertyOnlyInConfig() {
        return noClasses()
                .that()
                .resideOutsideOfPackage("..config..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(ConfigProperty.class)
                .allowEmptyShould(true)
                .because("configuration is read through @ConfigMapping interfaces in config packages");
    }

    /** A method whose return type or a parameter type is (or is parameterised with) an {@code @Entity}. */
    private static ArchCondition<JavaMethod> neitherTakeNorReturnAnEntity() {
        DescribedPredicate<JavaClass> entity =
                DescribedPredicate.describe("an @Entity", c -> c.isAnnotatedWith(Entity.class));
        return new ArchCondition<>("neither take nor return an @Entity") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean mentions =
                        method.getReturnType().getAllInvolvedRawTypes().stream().anyMatch(entity)
                                || method.getParameterTypes().stream()
                                        .flatMap(t -> t.getAllInvolvedRawTypes().stream())
                                        .anyMatch(entity);
                if (mentions) {
                    events.add(SimpleConditionEvent.violated(
                            method, method.getFullName() + " takes or returns an @Entity"));
                }
            }
        };
    }

    @Override
    public String toString() {
        return root + " "
                + Arrays.toString(rules.stream().map(ArchRule::getDescription).toArray());
    }
}
