package io.cloudward.sandbox.estate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A customer AWS account.
 *
 * @param optInRegions opt-in regions the account enabled; the regions enabled by default always are
 * @param allRegions   contents of every enabled region not listed in {@code regions}
 * @param regions      contents of single regions, by region name; a listed region is described by its block alone
 */
public record Account(String id, String name, String email, Instant created, List<String> optInRegions,
                      List<Role> roles, Iam iam, S3Account s3, List<Trail> trails, Activity activity,
                      RegionSpec allRegions, Map<String, RegionSpec> regions) {

    public Account {
        if (id == null || !id.matches("\\d{12}")) {
            throw new IllegalArgumentException("an account id has 12 digits: " + id);
        }
        name = name == null ? id : name;
        email = email == null ? "aws+" + id + "@example.com" : email;
        optInRegions = Lists.orEmpty(optInRegions);
        roles = Lists.orEmpty(roles);
        iam = iam == null ? Iam.empty() : iam;
        s3 = s3 == null ? S3Account.empty() : s3;
        trails = Lists.orEmpty(trails);
        activity = activity == null ? Activity.NONE : activity;
        allRegions = allRegions == null ? RegionSpec.EMPTY : allRegions;
        regions = Lists.orEmpty(regions);
    }

    public Optional<Role> role(String roleName) {
        return roles.stream().filter(role -> role.name().equals(roleName)).findFirst();
    }

    public Account withRoles(List<Role> newRoles) {
        return new Account(id, name, email, created, optInRegions, newRoles, iam, s3, trails, activity, allRegions,
                regions);
    }
}
