package io.cloudward.sandbox.estate;

import io.cloudward.onboarding.RoleTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The role template Cloudward ships ({@code onboarding-cfn/cloudward-role.yaml}, packaged on the class
 * path), read with the onboarding {@link RoleTemplate} reader: a Cloudward role in the sandbox may call
 * exactly what this template grants, so a permission the template lacks fails in tests as it would in AWS.
 */
public final class CloudwardRoleTemplate {

    static final String RESOURCE = "/onboarding-cfn/cloudward-role.yaml";
    /** The parameter that adds the organisation listing policy (management account only). */
    public static final String ORGANIZATION_LISTING = "EnableOrganizationListing";

    private static final String TEXT = load();
    private static final RoleTemplate.Permissions MEMBER = permissions("false");
    private static final RoleTemplate.Permissions MANAGEMENT = permissions("true");

    private CloudwardRoleTemplate() {
    }

    /** The template's text, e.g. to derive a variant with one action removed. */
    public static String text() {
        return TEXT;
    }

    /**
     * The role's permissions, with {@value #ORGANIZATION_LISTING} true in an organisation's management
     * account (where the customer deploys it so) and false elsewhere.
     */
    public static RoleTemplate.Permissions permissions(boolean managementAccount) {
        return managementAccount ? MANAGEMENT : MEMBER;
    }

    private static RoleTemplate.Permissions permissions(String organizationListing) {
        return RoleTemplate.parse(TEXT).permissions(Map.of(ORGANIZATION_LISTING, organizationListing));
    }

    private static String load() {
        try (InputStream in = CloudwardRoleTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path (the build copies it from "
                        + "onboarding-cfn/)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
