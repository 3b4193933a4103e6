package org.waystation.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring Boot test against real Kafka and MongoDB (a replica set) in containers,
 * started once per test JVM; skipped cleanly where no Docker engine runs.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Testcontainers(disabledWithoutDocker = true)
@ContextConfiguration(initializers = InfrastructureInitializer.Containers.class)
public @interface ContainerInfrastructureTest {

}
