package io.cloudward.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points the application under test at the real PostgreSQL, Kafka and Keycloak of the shared
 * {@link DevStack}. The stack is started once per test JVM, however many test classes use it.
 */
public class CloudwardTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return DevStack.shared().cloudwardConfig();
    }

    @Override
    public void stop() {
        // the stack outlives a single Quarkus application start; a JVM shutdown hook stops it
    }
}
