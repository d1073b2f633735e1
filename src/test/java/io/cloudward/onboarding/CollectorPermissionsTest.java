package io.cloudward.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudward.onboarding.CollectorPermissions.Capability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CollectorPermissionsTest {

    static final Path ROLE_TEMPLATE = Path.of("onboarding-cfn", "cloudward-role.yaml");
    static final Map<String, String> MANAGEMENT_ACCOUNT = Map.of("EnableOrganizationListing", "true");

    @Test
    void memberAccountRoleGrantsEveryActionOfEveryCapabilityButOrganizations() {
        RoleTemplate.Permissions permissions = RoleTemplate.read(ROLE_TEMPLATE).permissions();

        assertEquals(Set.of(), permissions.missing(CollectorPermissions.requiredActions(false)));
        assertEquals(Set.copyOf(Capability.ORGANIZATIONS.actions()),
                permissions.missing(Capability.ORGANIZATIONS.actions()));
    }

    @Test
    void managementAccountRoleGrantsEveryActionOfEveryCapability() {
        RoleTemplate.Permissions permissions = RoleTemplate.read(ROLE_TEMPLATE).permissions(MANAGEMENT_ACCOUNT);

        assertEquals(Set.of(), permissions.missing(CollectorPermissions.allActions()));
    }

    @Test
    void roleGrantsNothingBeyondTheCollectorsActions() {
        RoleTemplate.Permissions permissions = RoleTemplate.read(ROLE_TEMPLATE).permissions(MANAGEMENT_ACCOUNT);

        assertEquals(CollectorPermissions.allActions(), permissions.allowed());
        assertEquals(Set.of(), permissions.denied());
    }

    static Stream<String> everyAction() {
        return CollectorPermissions.allActions().stream();
    }

    @ParameterizedTest
    @MethodSource("everyAction")
    void aTemplateWithoutAnActionIsReportedMissingIt(String action) throws IOException {
        Object template = CfnYaml.load(Files.readString(ROLE_TEMPLATE));
        Object withoutAction = without(action, template);
        assertNotEquals(template, withoutAction, "the template lists " + action);

        RoleTemplate.Permissions permissions = RoleTemplate.of(withoutAction).permissions(MANAGEMENT_ACCOUNT);

        assertEquals(Set.of(action), permissions.missing(CollectorPermissions.allActions()));
    }

    /** A copy of a loaded template without the action; a statement left with no action goes too. */
    private static Object without(String action, Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(key, without(action, value)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object item : list) {
                Object kept = without(action, item);
                boolean emptied = kept instanceof Map<?, ?> statement && statement.get("Action") instanceof List<?> actions
                        && actions.isEmpty();
                if (!action.equals(item) && !emptied) {
                    copy.add(kept);
                }
            }
            return copy;
        }
        return node;
    }

    @Test
    void everyCapabilityProbesOneOfItsOwnActions() {
        for (Capability capability : Capability.values()) {
            CollectorPermissions.Probe probe = capability.probe();
            assertTrue(capability.actions().contains(probe.action()), capability + " probes " + probe);
            assertTrue(probe.action().startsWith(probe.service() + ":"), capability + " probe service " + probe);
            assertFalse(capability.purpose().isBlank(), capability + " says why it is needed");
        }
        // The one place where the SDK operation and the IAM action differ in name.
        assertEquals(new CollectorPermissions.Probe("s3", "ListBuckets", "s3:ListAllMyBuckets"),
                Capability.EXPOSURE_S3.probe());
    }

    @Test
    void actionsAreServiceColonActionAndBelongToOneCapability() {
        Set<String> seen = new HashSet<>();
        for (Capability capability : Capability.values()) {
            for (String action : capability.actions()) {
                assertTrue(action.matches("[a-z0-9-]+:[A-Z][A-Za-z0-9]+"), action);
                assertTrue(seen.add(action.toLowerCase()), action + " is listed twice");
            }
        }
        assertEquals(35, seen.size());
    }

    @Test
    void onlyOrganizationsIsManagementAccountOnly() {
        for (Capability capability : Capability.values()) {
            assertEquals(capability == Capability.ORGANIZATIONS, capability.managementAccountOnly(), capability.name());
        }
        assertEquals(CollectorPermissions.allActions().size() - 2, CollectorPermissions.requiredActions(false).size());
        assertEquals(CollectorPermissions.allActions(), CollectorPermissions.requiredActions(true));
    }

    @Test
    void callerIdentityNeedsNoPermissionAndIsNotListed() {
        assertEquals(Optional.empty(), CollectorPermissions.capabilityOf(CollectorPermissions.CALLER_IDENTITY_OPERATION));
        assertEquals(Optional.of(Capability.BACKUP), CollectorPermissions.capabilityOf("backup:listbackupjobs"));
    }
}
