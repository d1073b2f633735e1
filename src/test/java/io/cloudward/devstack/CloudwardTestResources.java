package io.cloudward.devstack;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Declares the real stack for every {@code @QuarkusTest} in the module (global scope): all test
 * classes share one application start and one set of services.
 */
@WithTestResource(value = CloudwardTestResource.class, scope = TestResourceScope.GLOBAL)
public final class CloudwardTestResources {
    private CloudwardTestResources() {
    }
}
